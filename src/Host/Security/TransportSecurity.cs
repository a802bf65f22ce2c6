using Microsoft.AspNetCore.DataProtection;

namespace Koostoo.Host.Security;

/// <summary>
/// What keeps sessions and forms safe in transit and across restarts (docs/security.md, "Transport and keys"): HTTPS
/// redirection and HSTS outside Development, and the data-protection keys (which sign session cookies, anti-forgery
/// tokens and password-reset links) kept in a folder of their own, so that a restart signs nobody out.
/// </summary>
public static class TransportSecurity
{
    public const string KeysFolderSetting = "Koostoo:DataProtection:KeysFolder";

    /// <summary>
    /// Keys in <c>Koostoo:DataProtection:KeysFolder</c> (default <c>data/keys</c>, beside the database), created readable
    /// by the service's user only like every file it makes. Hosts that share a database share this folder too.
    /// </summary>
    public static IServiceCollection AddKoostooDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("Koostoo")
            .PersistKeysToFileSystem(Directory.CreateDirectory(configuration[KeysFolderSetting] ?? Path.Combine("data", "keys")));
        return services;
    }

    /// <summary>
    /// Outside Development: browsers are told to use HTTPS only (HSTS, one year, the framework's default otherwise) and a
    /// plain HTTP request is redirected, to the port in <c>https_port</c> or the forwarded one. With no HTTPS port known
    /// (a host behind a proxy that terminates TLS and forwards no scheme) the framework does not redirect.
    /// </summary>
    public static void UseTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return;
        app.UseHsts();
        app.UseHttpsRedirection();
    }
}
