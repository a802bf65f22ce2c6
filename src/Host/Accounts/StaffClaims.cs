using System.Security.Claims;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koostoo.Host.Accounts;

/// <summary>A signed-in user's claims: Identity's (id, address, roles, security stamp) and the name pages and history use.</summary>
public sealed class StaffClaims(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "koostoo:name";
    /// <summary>
    /// "true" when the account has an authenticator: Identity then asks for its code at every sign-in. A claim of the
    /// account, not of the sign-in, because the session check rebuilds the claims from the account (and drops "amr").
    /// </summary>
    public const string TwoFactor = "koostoo:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Empty when the account has no name: the history then says the role word, as it did before accounts, not the address.
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
