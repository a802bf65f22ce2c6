using Koostoo.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The database an <see cref="EngineHost"/> runs over: how the engine's context is registered and how its tables come
/// to be. The engine's own tests use a SQLite file with the engine's tables alone; the host's tests run the same engine
/// over PostgreSQL with the service's real migrations, which only the host project has.
/// </summary>
public sealed record EngineDatabase(Action<IServiceCollection> Register, Func<WorkflowDbContext, Task> CreateTables)
{
    public static EngineDatabase SqliteFile(string file) => new(
        services => services.AddDbContext<WorkflowDbContext>(o => new DatabaseOptions { ConnectionString = $"Data Source={file}" }.Configure(o)),
        db => db.Database.EnsureCreatedAsync());
}
