using System.Diagnostics;
using Koostoo.Activities.Control;
using Koostoo.Activities.Email;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Koostoo.Service.Persistence;
using Koostoo.Service.Versions;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Benchmarks;

/// <summary>
/// Moving running networks to a new version (docs/versions.md): N networks of ten members wait in a step with a deadline
/// and a reminder; version 2 renames the step (mapped by hand) and adds a reminder. Times the dry run over all of them and
/// the migration, each instance in its own transaction, as an admin's one request does it.
/// </summary>
public static class MigrationBenchmark
{
    private static string Definition(string askId, string reminders) => $$"""
        { "id": "bench-move", "name": "Benchmark: moving",
          "activities": [
            { "id": "{{askId}}", "type": "AskMembers", "inputs": { "audience": ["members"], "question": "Kas osaled?",
              "fields": [ { "name": "join", "type": "yesNo", "label": "Osalen", "required": true } ], "deadline": "P7D", "reminders": [{{reminders}}] } },
            { "id": "after", "type": "WaitForSignal", "inputs": { "signal": "next" } } ],
          "connections": [ { "from": "{{askId}}", "outcome": "Done", "to": "after" } ] }
        """;

    private sealed class NoDelivery : IMailDelivery
    {
        public string MessageIdDomain => "bench.example";
        public void Deliver(IReadOnlyList<Guid> outboxIds) { }
    }

    public static async Task RunAsync(string[] args)
    {
        var networks = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var folder = Directory.CreateTempSubdirectory("koostoo-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKoostooDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:ConnectionString"] = $"Data Source={Path.Combine(folder, "koostoo.db")}",
        }).Build());
        services.AddWorkflowEngine(typeof(If).Assembly);
        services.AddSingleton<IMailDelivery, NoDelivery>();
        services.AddSingleton<NetworkLauncher>();
        services.AddScoped<InstanceMigrations>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(Definition("ask", "\"P2D\""));
        }
        var launcher = provider.GetRequiredService<NetworkLauncher>();
        await Parallel.ForEachAsync(Enumerable.Range(0, networks), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (n, ct) =>
            await launcher.LaunchAsync(Actor.System("benchmark"), new LaunchRequest
            {
                Name = $"Võrgustik {n}", Purpose = "Mõõtmine", CoordinatorName = "Kati", CoordinatorEmail = "kati@bench.example", DefinitionId = "bench-move",
                Members = Enumerable.Range(0, 10).Select(i => new MemberDraft { Name = $"Liige {i}", Email = $"m{n}-{i}@bench.example", Sector = Sector.Social }).ToList(),
            }, ct));
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(Definition("asked", "\"P2D\", \"P3D\""));
        Console.WriteLine($"Seeded {networks:N0} networks waiting in a step of ten; version 2 renames the step and adds a reminder.");

        var choice = new MigrationChoice(1, 2, Mapping: new Dictionary<string, string> { ["ask"] = "asked" });
        foreach (var dryRun in new[] { true, false })
        {
            await using var scope = provider.CreateAsyncScope();
            var migrations = scope.ServiceProvider.GetRequiredService<InstanceMigrations>();
            var clock = Stopwatch.StartNew();
            var report = dryRun
                ? await migrations.DryRunAsync(Actor.System("benchmark"), "bench-move", choice)
                : await migrations.MigrateAsync(Actor.System("benchmark"), "bench-move", choice);
            clock.Stop();
            var done = report.Instances.Count(i => i.Migration.Status is MigrationStatus.Ready or MigrationStatus.Migrated);
            Console.WriteLine($"{(dryRun ? "Dry run " : "Migration")}: {done:N0} of {report.Instances.Count:N0} instances in {clock.Elapsed.TotalSeconds:F1} s, " +
                              $"{done / clock.Elapsed.TotalSeconds:F0} instances/s ({clock.Elapsed.TotalMilliseconds / Math.Max(1, done):F1} ms each)");
        }
        SqliteCleanup(folder);
    }

    private static void SqliteCleanup(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
