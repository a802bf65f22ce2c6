using System.Diagnostics;
using Koostoo.Activities.Control;
using Koostoo.Service.Persistence;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Benchmarks;

/// <summary>
/// Resumes per second, SQLite against PostgreSQL, for the same workload: N instances each waiting on one signal, each
/// resumed once (one transaction: reads, the bookmark, the instance, journal lines), one at a time and eight at once.
/// The database is wired as the host wires it (<see cref="DatabaseSetup"/>: pooled contexts, the real migrations).
/// PostgreSQL runs twice: as installed (every commit waits for its WAL flush) and with synchronous_commit off, which
/// matches SQLite's WAL with synchronous=NORMAL (a power cut may lose the last commits, never corrupts).
/// </summary>
public static class ResumeBenchmark
{
    private const string DefinitionJson = """
        { "id": "bench-signal", "name": "Benchmark: one signal",
          "activities": [ { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": "go" } }, { "id": "end", "type": "Finish" } ],
          "connections": [ { "from": "wait", "outcome": "Done", "to": "end" } ] }
        """;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
        var folder = Directory.CreateTempSubdirectory("koostoo-bench-").FullName;
        await using var postgres = await PostgresServer.StartAsync();
        try
        {
            foreach (var parallelism in new[] { 1, 8 })
            {
                await MeasureAsync("SQLite (WAL, synchronous=NORMAL)", DatabaseProvider.Sqlite,
                    $"Data Source={Path.Combine(folder, $"resume-{parallelism}.db")}", count, parallelism);
                await MeasureAsync("PostgreSQL (synchronous_commit=on)", DatabaseProvider.Postgres,
                    await postgres.CreateDatabaseAsync(), count, parallelism);
                await MeasureAsync("PostgreSQL (synchronous_commit=off)", DatabaseProvider.Postgres,
                    await postgres.CreateDatabaseAsync() + ";Options=-c synchronous_commit=off", count, parallelism);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string label, DatabaseProvider provider, string connectionString, int count, int parallelism)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = provider.ToString(),
            [$"{DatabaseOptions.Section}:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKoostooDatabase(configuration);
        services.AddWorkflowEngine(typeof(If).Assembly);
        await using var engine = services.BuildServiceProvider();
        await using (var scope = engine.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(DefinitionJson);
        }
        var runtime = engine.GetRequiredService<WorkflowRuntime>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (_, ct) => await runtime.StartAsync("bench-signal", ct: ct));
        var startsPerSecond = count / clock.Elapsed.TotalSeconds;

        List<Guid> bookmarks;
        await using (var scope = engine.CreateAsyncScope())
            bookmarks = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Bookmarks.Where(b => b.ConsumedAt == null).Select(b => b.Id).ToListAsync();
        clock.Restart();
        var resumed = 0;
        await Parallel.ForEachAsync(bookmarks, options, async (id, ct) =>
        {
            if ((await runtime.ResumeAsync(id, ct: ct)).Status == ResumeStatus.Resumed) Interlocked.Increment(ref resumed);
        });
        var resumesPerSecond = resumed / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{label,-36} {parallelism} at once: {resumesPerSecond,6:N0} resumes/s ({resumed:N0} of {count:N0}), {startsPerSecond,6:N0} starts/s");
    }
}
