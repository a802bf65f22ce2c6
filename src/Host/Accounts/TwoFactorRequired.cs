using Koostoo.Language;
using Koostoo.Service.Access;

namespace Koostoo.Host.Accounts;

/// <summary>
/// An admin signed in with a password alone (no authenticator yet; a passkey sign-in is two-factor) reaches only the set-up page, signing out and the
/// page files until she sets one up: a person is sent there, a program gets 403. API keys are made by a signed-in user,
/// so they carry what that sign-in allowed.
/// </summary>
public static class TwoFactorRequired
{
    private static readonly string[] Open = ["/account/two-factor", "/account/logout", "/css", "/js", "/health"];

    public static IApplicationBuilder UseTwoFactorForAdmins(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var user = http.User;
        if (user.Identity?.AuthenticationType == "Identity.Application" && user.IsInRole(StaffRoles.Admin)
            && !user.HasClaim(StaffClaims.TwoFactor, "true") && !StaffSignIn.SignedInWithPasskey(user)
            && !Open.Any(path => http.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api"))
                http.Response.Redirect("/account/two-factor");
            else
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Words.Current["Problems.Title.TwoFactorNeeded"],
                    detail: Words.Current["Problems.AdminTwoFactor"]).ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}
