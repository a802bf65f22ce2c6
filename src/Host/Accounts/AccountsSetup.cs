using Koostoo.Host.Access;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Accounts;

/// <summary>
/// Staff accounts for the web host in two calls: who the request is (a session cookie or an API key), what needs which
/// role, and the pipeline's order. Everything is closed unless opened on purpose (the fallback policy); what is open to
/// everyone is listed in docs/accounts.md.
/// </summary>
public static class AccountsSetup
{
    /// <summary>The scheme that picks the cookie or the API key for each request.</summary>
    public const string Scheme = "Koostoo";
    public const string AdminPolicy = "Admin";

    public static IServiceCollection AddKoostooAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var accounts = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        new IdentityBuilder(typeof(StaffUser), typeof(IdentityRole), services)
            .AddSignInManager<StaffSignIn>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaims>();
        services.AddScoped<IUserConfirmation<StaffUser>, ActiveAccounts>();
        services.Configure<IdentityOptions>(identity => identity.SignIn.RequireConfirmedAccount = true);
        // Reset links (and any other of Identity's data-protection tokens) work this long; a used one is void because the
        // reset changes the security stamp the token was made with.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = accounts.ResetLinkLifetime);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = accounts.SessionCheckEvery;
            // The session check rebuilds the claims from the account: keep how the session began (a passkey counts as
            // two-factor for an admin).
            o.OnRefreshingPrincipal = refresh =>
            {
                if (refresh.CurrentPrincipal is { } current && StaffSignIn.SignedInWithPasskey(current) && refresh.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity renewed
                    && !StaffSignIn.SignedInWithPasskey(refresh.NewPrincipal))
                    renewed.AddClaim(new System.Security.Claims.Claim("amr", StaffSignIn.PasskeyMethod));
                return Task.CompletedTask;
            };
        });
        // Passkeys: discoverable (signing in needs no address) and verifying the person (PIN or biometrics), so that a
        // passkey alone is two-factor. The site's own host name is the relying party.
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
            // The browser's signed origin must be this site's, as the request reached it (after trusted proxies'
            // headers). Not the request's Origin header, Identity's default: with Referrer-Policy no-referrer a browser
            // sends "Origin: null" on a form's POST.
            o.ValidateOrigin = origin => ValueTask.FromResult(!origin.CrossOrigin
                && string.Equals(origin.Origin, $"{origin.HttpContext.Request.Scheme}://{origin.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase));
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Session cookie or API key", o =>
                o.ForwardDefaultSelector = http => ApiKeyAuthentication.Presents(http.Request) ? ApiKeyAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie => SessionCookie.Configure(cookie, accounts, environment.IsDevelopment()));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        services.AddCurrentActor();
        services.AddTrustedProxies(configuration);
        services.AddOpenApiSchemes();
        return services;
    }

    /// <summary>Forwarded headers first (from configured proxies only), then who the request is and what it may reach.</summary>
    public static WebApplication UseKoostooAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCrossSiteGuard();
        app.UseTwoFactorForAdmins();
        return app;
    }
}
