using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Service.Accounts;

/// <summary>
/// Refuses a password found in the shipped list of common passwords (common-passwords.txt beside this file, embedded),
/// or one made of the account's own address. Length is Identity's own rule (12); no composition rules, as NIST SP
/// 800-63B advises: a long password that is not a known one.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var lower = password.Trim().ToLowerInvariant();
        var local = (user.Email ?? "").Split('@')[0].ToLowerInvariant();
        if (IsCommon(lower))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "common" }));
        if (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordHasEmail", Description = "email" }));
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>In the list, or one character repeated.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        return List.Value.Contains(lower) || lower.Distinct().Count() <= 2;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Koostoo.Service.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
