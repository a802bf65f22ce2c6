using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koostoo.Service.Tests;

/// <summary>
/// The application layer without a web host: <c>AddKoostoo</c> over a SQLite file of its own, migrated and with the
/// shipped workflows imported. Hangfire's server is not started, so mail waits in the outbox, where tests read it.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    private ServiceHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Koostoo:Database:ConnectionString"] = $"Data Source={_folder["koostoo.db"]}",
            ["Koostoo:Workflows:Folder"] = _folder.CopyWorkflows(),
            ["Koostoo:Mail:PickupFolder"] = _folder["mail"],
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddKoostoo(configuration)
            .BuildServiceProvider();
    }

    public static async Task<ServiceHost> StartAsync()
    {
        var host = new ServiceHost();
        await host._services.StartKoostooAsync();
        return host;
    }

    /// <summary>A service of a scope of its own, as one request would have it.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A network on the shipped lifecycle, launched by its coordinator, waiting for its members' invitations.</summary>
    public async Task<Guid> LaunchAsync(Actor coordinator, string name, int members = 2) =>
        (await _services.GetRequiredService<NetworkLauncher>().LaunchAsync(coordinator, new LaunchRequest
        {
            Name = name,
            Purpose = "Vähendada koolist väljalangemist vallas",
            CoordinatorName = coordinator.Name,
            CoordinatorEmail = coordinator.Email!,
            DefinitionId = "network-lifecycle",
            Members = Enumerable.Range(1, members).Select(i => new MemberDraft
            {
                Name = $"Liige {i}", Email = $"liige{i}@{name.ToLowerInvariant().Replace(' ', '-')}.example", Sector = Sector.Education,
            }).ToList(),
        })).Id;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
