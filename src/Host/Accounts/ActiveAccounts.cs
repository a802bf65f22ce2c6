using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Accounts;

/// <summary>Sign-in is allowed only to an enabled account (Identity asks this because RequireConfirmedAccount is on).</summary>
public sealed class ActiveAccounts : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(!user.Disabled);
}
