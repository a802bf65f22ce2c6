using Koostoo.Activities.Control;
using Koostoo.Service.Persistence;
using Koostoo.Workflows;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Benchmarks;

/// <summary>
/// A database with many instances each waiting on one Delay timer, written in bulk: the same rows the
/// runtime would write, without the hours that starting 100,000 instances one by one would take.
/// </summary>
public static class TimerSeed
{
    public const string DefinitionJson = """
        { "id": "bench-delay", "name": "Benchmark: one delay",
          "activities": [ { "id": "wait", "type": "Delay", "inputs": { "duration": "P30D" } }, { "id": "end", "type": "Finish" } ],
          "connections": [ { "from": "wait", "outcome": "Done", "to": "end" } ] }
        """;

    public static async Task CreateAsync(string databaseFile, int count, DateTimeOffset dueAt)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<KoostooDbContext, SqliteKoostooDbContext>(o => new DatabaseOptions { ConnectionString = $"Data Source={databaseFile}" }.Configure(o));
        services.AddScoped<WorkflowDbContext>(s => s.GetRequiredService<KoostooDbContext>());
        services.AddWorkflowEngine(typeof(If).Assembly);
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(DefinitionJson);
        }
        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < count; done += 5_000)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + 5_000); i++)
            {
                var instance = new WorkflowInstance
                {
                    DefinitionId = "bench-delay", DefinitionVersion = 1, Status = InstanceStatus.Suspended,
                    CreatedAt = now, UpdatedAt = now, Revision = 1,
                };
                db.Instances.Add(instance);
                db.Bookmarks.Add(new Bookmark { InstanceId = instance.Id, ActivityId = "wait", Kind = BookmarkKind.Timer, Key = "delay", DueAt = dueAt, CreatedAt = now });
            }
            await db.SaveChangesAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
