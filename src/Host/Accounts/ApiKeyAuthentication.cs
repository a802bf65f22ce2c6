using System.Security.Claims;
using System.Text.Encodings.Web;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koostoo.Host.Accounts;

/// <summary>
/// <c>Authorization: Bearer KEY</c>: the key's user, with their roles, for this one request. An unknown, revoked or
/// disabled user's key is a 401, never a fall-back to a cookie.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeys keys, IUserClaimsPrincipalFactory<StaffUser> principals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static bool Presents(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Presents(Request)) return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var user = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var claims = (await principals.CreateAsync(user)).Claims;
        // Named after this scheme, not the session cookie's, so that what only applies to sessions (two-factor) can tell.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
