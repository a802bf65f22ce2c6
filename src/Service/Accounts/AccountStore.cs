using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Accounts;

/// <summary>
/// Identity's user store and managers over <see cref="AccountsDbContext"/>, with the service's password rules. The web
/// host adds sign-in, cookies and token providers on top (Koostoo.Host.Accounts).
/// </summary>
public static class AccountStore
{
    public static IdentityBuilder AddKoostooAccountStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAccountsDatabase(configuration);
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<NetworkGrants>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PasswordResetMail>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            // Version 3 adds Identity's passkey table (AspNetUserPasskeys); AccountsDbContext asks for the same version.
            identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = 12;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.LockoutAfterFailures;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutFor;
        });
        return services.AddIdentityCore<StaffUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddPasswordValidator<CommonPasswords>();
    }
}
