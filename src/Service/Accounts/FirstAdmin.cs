using Koostoo.Service.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Accounts;

/// <summary>
/// The first account, made at start while no account exists: <c>Koostoo:Bootstrap:AdminEmail</c> with the password
/// from the environment; in Development without the setting, <c>admin@localhost</c> with a random password written
/// to the log once (so that `dotnet run` gives a newcomer the whole journey). Outside Development no password is
/// ever made up. The first admin has both roles; the users page changes that.
/// </summary>
public static class FirstAdmin
{
    public const string DevelopmentEmail = "admin@localhost";

    public static async Task EnsureAsync(IServiceProvider services, bool development, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Koostoo.Accounts");
        var users = provider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.Users.AnyAsync(ct)) return;

        var email = string.IsNullOrWhiteSpace(options.AdminEmail) ? null : options.AdminEmail.Trim();
        if (email is null && !development)
        {
            logger.LogWarning("No staff account exists. Set Koostoo:Bootstrap:AdminEmail and the environment variable Koostoo__Bootstrap__AdminPassword, or run the host with: create-user --email E --role Admin");
            return;
        }
        if (email is not null && string.IsNullOrEmpty(options.AdminPassword) && !development)
            throw new InvalidOperationException("Koostoo:Bootstrap:AdminEmail is set but no password: set the environment variable Koostoo__Bootstrap__AdminPassword (12 characters or more).");

        var accounts = provider.GetRequiredService<StaffAccounts>();
        var (user, password) = await accounts.CreateAsync(Actor.System("bootstrap"), email ?? DevelopmentEmail,
            [StaffRoles.Admin, StaffRoles.Coordinator], string.IsNullOrEmpty(options.AdminPassword) ? null : options.AdminPassword);
        if (string.IsNullOrEmpty(options.AdminPassword))
            // Development only (above): the one time this password exists outside the database's hash.
            logger.LogWarning("The first admin {Email} was created with the password {Password} (shown once; change it after signing in at /account/password).", user.Email, password);
        else
            logger.LogInformation("The first admin was created from Koostoo:Bootstrap.");
        if (!string.IsNullOrEmpty(options.AdminApiKey))
            await provider.GetRequiredService<ApiKeys>().CreateAsync(Actor.System("bootstrap"), user.Id, "bootstrap", options.AdminApiKey, ct);
    }
}
