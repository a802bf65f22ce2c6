using System.Globalization;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Accounts;

/// <summary>
/// The session cookie's rules: a new cookie at every sign-in, an idle time-out (the cookie slides while in use) and an
/// absolute one from the moment of sign-in, and every request checked against the account (security stamp), so that a
/// disabled user or a changed password ends the sessions. Programs get 401/403, people the sign-in page.
/// </summary>
public static class SessionCookie
{
    private const string SignedInAt = "koostoo.signedInAt";

    public static void Configure(CookieAuthenticationOptions cookie, AccountOptions accounts, bool development)
    {
        cookie.Cookie.Name = "koostoo.session";
        cookie.Cookie.HttpOnly = true;
        // Development runs on http://localhost; everywhere else the service is behind HTTPS and the cookie says so.
        cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        // Lax: a coordinator following a link to a network's page from a mail arrives signed in; no other site's POST carries it.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.ExpireTimeSpan = accounts.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/account/login";
        cookie.LogoutPath = "/account/logout";
        cookie.AccessDeniedPath = "/account/denied";
        cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        cookie.Events.OnSigningIn = context =>
        {
            // Kept when the cookie is renewed (sliding, a refreshed sign-in), so the absolute time-out counts from the password.
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items.TryAdd(SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            if (context.Properties.Items.TryGetValue(SignedInAt, out var at) && long.TryParse(at, CultureInfo.InvariantCulture, out var seconds)
                && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > accounts.AbsoluteTimeout)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
    }

    /// <summary>The API and files get a status; a page gets the sign-in or refusal page, with where to come back to.</summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsForPeople(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static bool IsForPeople(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/openapi")
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
