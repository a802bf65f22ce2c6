using System.Security.Claims;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koostoo.Host.Accounts;

/// <summary>
/// Identity's sign-in, with one change: a passkey sign-in says so in the session ("amr" = "pop", proof of possession of
/// a key, RFC 8176) where Identity writes "pwd" for it, because a passkey sign-in counts as two-factor for an admin
/// (<see cref="TwoFactorRequired"/>): the key is bound to this site, so it cannot be phished, and the authenticator
/// verified the person (PIN or biometrics; <see cref="IdentityPasskeyOptions.UserVerificationRequirement"/> is
/// "required").
/// </summary>
public sealed class StaffSignIn(UserManager<StaffUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<StaffUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>The "amr" value of a session begun with a passkey.</summary>
    public const string PasskeyMethod = "pop";

    /// <summary>As Identity's own (assertion, the account's checks, the stored sign count) but marked as a passkey sign-in.</summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded) return SignInResult.Failed;
        if (await PreSignInCheck(assertion.User) is { } refused) return refused;
        // The new sign count and flags, so that a cloned authenticator shows.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey)).Succeeded) return SignInResult.Failed;
        await SignInWithClaimsAsync(assertion.User, isPersistent: false, [new Claim("amr", PasskeyMethod)]);
        return SignInResult.Success;
    }

    /// <summary>Whether this session began with a passkey.</summary>
    public static bool SignedInWithPasskey(ClaimsPrincipal user) => user.HasClaim("amr", PasskeyMethod);
}
