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
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaims>();
        services.AddScoped<IUserConfirmation<StaffUser>, ActiveAccounts>();
        services.Configure<IdentityOptions>(identity => identity.SignIn.RequireConfirmedAccount = true);
        // Reset links (and any other of Identity's data-protection tokens) work this long; a used one is void because the
        // reset changes the security stamp the token was made with.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = accounts.ResetLinkLifetime);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = accounts.SessionCheckEvery);

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
