using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.Activities.Control;
using Koostoo.Activities.Email;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;
using Koostoo.Service.Access;
using Koostoo.Service.Answers;
using Koostoo.Service.Networks;
using Koostoo.Service.Persistence;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Benchmarks;

/// <summary>
/// Issue 5's number: with many suspended step requests of ten members each in SQLite, answers processed per second
/// end to end (token lookup, answer saved, bookmark resumed, state saved), printed beside the raw rate of one EF Core
/// SQLite read-modify-write transaction per second measured in the same run on the same database.
/// </summary>
public static partial class AnswerBenchmark
{
    private const string DefinitionJson = """
        { "id": "bench-ask", "name": "Benchmark: one question",
          "activities": [
            { "id": "ask", "type": "AskMembers", "inputs": { "audience": ["members"], "question": "Kas osaled?",
              "fields": [ { "name": "join", "type": "yesNo", "label": "Osalen", "required": true } ], "deadline": "P7D" } },
            { "id": "after", "type": "WaitForSignal", "inputs": { "signal": "next" } } ],
          "connections": [ { "from": "ask", "outcome": "Done", "to": "after" } ] }
        """;

    [GeneratedRegex("/r/([A-Za-z0-9_-]{43})")]
    private static partial Regex Token();

    /// <summary>Mail is not what is measured: rows stay in the outbox, where the tokens are read from.</summary>
    private sealed class NoDelivery : IMailDelivery
    {
        public string MessageIdDomain => "bench.example";
        public void Deliver(IReadOnlyList<Guid> outboxIds) { }
    }

    public static async Task RunAsync(string[] args)
    {
        var steps = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var answers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000;
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
        services.AddSingleton<Koostoo.Service.Telemetry.ServiceMetrics>();
        services.AddScoped<RequestInbox>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(DefinitionJson);
        }

        var seeding = Stopwatch.StartNew();
        var launcher = provider.GetRequiredService<NetworkLauncher>();
        await Parallel.ForEachAsync(Enumerable.Range(0, steps), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (n, ct) =>
            await launcher.LaunchAsync(Actor.System("benchmark"), new LaunchRequest
            {
                Name = $"Võrgustik {n}", Purpose = "Mõõtmine", CoordinatorName = "Kati", CoordinatorEmail = "kati@bench.example", DefinitionId = "bench-ask",
                Members = Enumerable.Range(0, 10).Select(i => new MemberDraft { Name = $"Liige {i}", Email = $"m{n}-{i}@bench.example", Sector = Sector.Social }).ToList(),
            }, ct));
        Console.WriteLine($"Seeded {steps:N0} waiting steps, {steps * 10:N0} member requests, in {seeding.Elapsed.TotalSeconds:F0} s");

        // One member of each step answers, so that no step closes and every answer is the same work.
        List<string> tokens;
        await using (var scope = provider.CreateAsyncScope())
        {
            var outbox = await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Outbox.AsNoTracking()
                .Where(m => m.ToAddress.EndsWith("-0@bench.example")).Select(m => m.TextBody).ToListAsync();
            tokens = outbox.Select(t => Token().Match(t).Groups[1].Value).Take(answers).ToList();
        }

        using var statements = new StatementCounter();
        foreach (var parallel in new[] { 1, 4 })
        {
            var before = statements.Count;
            var batch = tokens.Skip(parallel == 1 ? 0 : tokens.Count / 2).Take(tokens.Count / 2).ToList();
            var clock = Stopwatch.StartNew();
            var saved = 0;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (token, ct) =>
            {
                await using var scope = provider.CreateAsyncScope();
                var requests = scope.ServiceProvider.GetRequiredService<RequestInbox>();
                var (state, request) = await requests.FindAsync(token, ct);
                if (state == LinkState.Open && await requests.SubmitAsync(request!, request!.BookmarkId, new JsonObject { ["join"] = true }, AnswerChannel.WebForm, ct: ct) == SubmitResult.Saved)
                    Interlocked.Increment(ref saved);
            });
            Console.WriteLine($"Answers end to end, {parallel} at a time: {saved:N0} saved, {saved / clock.Elapsed.TotalSeconds:N0} per second, {(double)(statements.Count - before) / saved:F1} SQL statements each");
        }

        Console.WriteLine($"Raw EF Core SQLite read-modify-write transactions, same database: {await RawRateAsync(provider, 5_000):N0} per second");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The floor under every answer: read one row, change it, save it, in a transaction of its own, a new (pooled) context each.</summary>
    private static async Task<double> RawRateAsync(IServiceProvider provider, int count)
    {
        List<Guid> ids;
        await using (var scope = provider.CreateAsyncScope())
            ids = await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Set<Member>().Select(m => m.Id).Take(count).ToListAsync();
        var clock = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var member = await db.Set<Member>().FirstAsync(m => m.Id == id);
            member.Phone = "5555 0000";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return ids.Count / clock.Elapsed.TotalSeconds;
    }
}
