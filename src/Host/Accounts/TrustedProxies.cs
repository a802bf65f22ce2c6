using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Koostoo.Host.Accounts;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>-Proto</c> count only from the addresses in <c>Koostoo:Proxies</c> (a list of IP
/// addresses). From anyone else, loopback included, they are ignored: the client is who connected, for the rate limits,
/// the cookie's Secure flag and the log alike.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Koostoo:Proxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section).Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no proxy listed the middleware would trust everyone (it checks addresses only when some are known):
            // none configured means the headers are not read at all.
            options.ForwardedHeaders = proxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}: '{proxy}' is not an IP address."));
            // One proxy in front; more would each have to be listed.
            options.ForwardLimit = 1;
        });
    }
}
