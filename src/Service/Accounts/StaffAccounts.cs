using Koostoo.Language;
using System.Security.Cryptography;
using Koostoo.Service.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Service.Accounts;

/// <summary>Making and changing staff accounts: the admin's user page, the command-line verbs and the first admin.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, AuditLog audit, TimeProvider time)
{
    public static readonly string[] AllRoles = [StaffRoles.Admin, StaffRoles.Coordinator];

    /// <summary>A new account with a password; none given, a random one-time password the caller shows once.</summary>
    /// <exception cref="AccountException">The address is taken or not an address, a role unknown, or the password refused.</exception>
    public async Task<(StaffUser User, string Password)> CreateAsync(Actor actor, string email, IReadOnlyCollection<string> roleNames,
        string? password = null, string? displayName = null)
    {
        email = email.Trim();
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 254) throw new AccountException("email", Words.Current["Problems.NotAnEmailAddress"]);
        var unknown = roleNames.Except(AllRoles).ToList();
        if (unknown.Count > 0) throw new AccountException("role", Words.Current["Problems.UnknownRoleTheRolesAre", unknown[0], string.Join(", ", AllRoles)]);
        if (await users.FindByEmailAsync(email) is not null) throw new AccountException("email", Words.Current["Problems.ThereIsAnAccountWithThis"]);
        await EnsureRolesAsync();
        password ??= OneTimePassword();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName?.Trim() ?? "", CreatedAt = time.GetUtcNow() };
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRolesAsync(user, roleNames.Distinct()), "role");
        await audit.RecordAsync(actor, AuditAction.UserCreated, subject: email);
        return (user, password);
    }

    public async Task<IReadOnlyList<(StaffUser User, IList<string> Roles)>> ListAsync()
    {
        var list = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var result = new List<(StaffUser, IList<string>)>();
        foreach (var user in list) result.Add((user, await users.GetRolesAsync(user)));
        return result;
    }

    /// <summary>Disabling ends every session (a new security stamp) and stops the user's keys; enabling lets them sign in again.</summary>
    public async Task SetDisabledAsync(Actor actor, string userId, bool disabled)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException(Words.Current["Problems.ThereIsNoSuchAccount"]);
        if (disabled && user.Id == actor.Id) throw new AccountException("user", Words.Current["Problems.AnAdminDoesNotDisableTheir"]);
        user.Disabled = disabled;
        Check(await users.UpdateAsync(user), "user");
        Check(await users.UpdateSecurityStampAsync(user), "user");
        await audit.RecordAsync(actor, disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, subject: user.Email);
    }

    public async Task SetRolesAsync(Actor actor, string userId, IReadOnlyCollection<string> roleNames)
    {
        var unknown = roleNames.Except(AllRoles).ToList();
        if (unknown.Count > 0) throw new AccountException("role", Words.Current["Problems.UnknownRole", unknown[0]]);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException(Words.Current["Problems.ThereIsNoSuchAccount"]);
        if (user.Id == actor.Id && !roleNames.Contains(StaffRoles.Admin))
            throw new AccountException("role", Words.Current["Problems.AnAdminDoesNotTakeThe"]);
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roleNames)), "role");
        Check(await users.AddToRolesAsync(user, roleNames.Except(current)), "role");
        // A session carries its roles: a new stamp makes every open session take the new ones (or end).
        Check(await users.UpdateSecurityStampAsync(user), "user");
        await audit.RecordAsync(actor, AuditAction.RolesChanged, subject: $"{user.Email}: {string.Join(", ", roleNames)}");
    }

    /// <summary>How the service's layer sees a signed-in user.</summary>
    public static Actor ToActor(StaffUser user, IEnumerable<string> roleNames) =>
        Actor.Staff(user.Id, user.Name, user.Email ?? "", roleNames.ToArray());

    /// <summary>20 characters from 32 letters and digits without look-alikes: 100 bits, typed once and changed.</summary>
    public static string OneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789AB";
        return new string(RandomNumberGenerator.GetItems<char>(alphabet, 20));
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in AllRoles)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw new AccountException(field, string.Join(" ", result.Errors.Select(e => e.Code)));
    }
}
