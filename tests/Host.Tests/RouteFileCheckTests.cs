using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Host.Tests;

/// <summary>
/// No route asks the disk whether a request names a file. Started from its build (as `dotnet run` starts it), ASP.NET
/// Core's static assets would add a fallback route whose constraint looks up every request's path under wwwroot: one
/// file-system call for every page, answer and API call (docs/scale.md, The request page).
/// </summary>
public sealed class RouteFileCheckTests : IDisposable
{
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_host_has_no_route_that_looks_for_a_file_on_each_request()
    {
        (await _host.Client.GetAsync("/health")).EnsureSuccessStatusCode();

        var patterns = _host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText).ToList();
        patterns.Should().Contain(p => p != null && p.TrimStart('/') == "r/{token}", "the request page is among the routes listed");
        patterns.Should().NotContain(p => p != null && p.Contains(":file}", StringComparison.Ordinal));
    }
}
