using Koostoo.Activities.Control;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The engine over a real SQLite file in a temporary folder, as the host wires it (or over another <see cref="EngineDatabase"/>);
/// a second one over the same database is a restart. A host that made its own folder deletes it when disposed; a host given
/// a file or a database leaves it to the caller, who may restart over it.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _ownFolder;

    private EngineHost(ServiceProvider services, string? ownFolder)
    {
        _services = services;
        _ownFolder = ownFolder;
    }

    public IServiceProvider Services => _services;
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public static Task<EngineHost> StartAsync(string? databaseFile = null, TimeProvider? time = null)
    {
        var ownFolder = databaseFile is null ? Directory.CreateTempSubdirectory("koostoo-engine-").FullName : null;
        return BuildAsync(EngineDatabase.SqliteFile(databaseFile ?? Path.Combine(ownFolder!, "koostoo.db")), time, ownFolder);
    }

    /// <summary>The engine over another database; creating its tables must be safe to repeat, since a second host over it is a restart.</summary>
    public static Task<EngineHost> StartAsync(EngineDatabase database, TimeProvider? time = null) => BuildAsync(database, time, ownFolder: null);

    private static async Task<EngineHost> BuildAsync(EngineDatabase database, TimeProvider? time, string? ownFolder)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null) services.AddSingleton(time);
        database.Register(services);
        services.AddWorkflowEngine(typeof(If).Assembly);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
            await database.CreateTables(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
        return new EngineHost(provider, ownFolder);
    }

    /// <summary>Publishes a definition as the start-up import does.</summary>
    public async Task PublishAsync(string json)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(json);
    }

    public async Task<WorkflowInstance> InstanceAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Instances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<List<JournalEntry>> JournalAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Journal.AsNoTracking()
            .Where(j => j.InstanceId == id).OrderBy(j => j.Id).ToListAsync();
    }

    public async Task<List<Bookmarks.Bookmark>> OpenBookmarksAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == id && b.ConsumedAt == null).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled connections keep the file open; they have to go before the folder can.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownFolder is not null) Directory.Delete(_ownFolder, recursive: true);
    }
}
