using System.Text.Json.Nodes;
using Koostoo.Host.Persistence;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Host.Tests;

/// <summary>
/// The engine's exactly-once guarantees over PostgreSQL, whose writers really run at the same time (read committed, no
/// in-process writer queue as on SQLite): a concurrent save over a stale read finds the instance's revision changed,
/// fails, and is retried from a fresh read. The tables come from the service's real PostgreSQL migrations.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRuntimeTests(PostgresFixture postgres)
{
    private static EngineDatabase Postgres(string connectionString) => new(
        services => services.AddDbContext<WorkflowDbContext, PostgresKoostooDbContext>(o =>
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }.Configure(o)),
        db => db.Database.MigrateAsync());

    private async Task<EngineHost> StartEngineAsync() => await EngineHost.StartAsync(Postgres(await postgres.Server.CreateDatabaseAsync()));

    private static JsonObject VariablesOf(WorkflowInstance instance) => InstanceState.Read(instance.State).Variables;

    private static int Count(IEnumerable<JournalEntry> journal, JournalEvent @event, string activityId) =>
        journal.Count(j => j.Event == @event && j.ActivityId == activityId);

    [Fact]
    public async Task Fifty_concurrent_resumes_of_one_bookmark_resume_it_exactly_once()
    {
        await using var engine = await StartEngineAsync();
        await engine.PublishAsync(Flow("once", [
            Act("go", "WaitForSignal", new { signal = "go" }),
            Act("count", "SetVariable", new { name = "hits", value = "variables.hits + 1" }),
            Act("hold", "WaitForSignal", new { signal = "later" }),
            Act("done", "Finish"),
        ], [Link("go", "count"), Link("count", "hold"), Link("hold", "done")], variables: [Var("hits", 0)]));
        var id = (await engine.Runtime.StartAsync("once")).Id;
        var bookmark = (await engine.OpenBookmarksAsync(id)).Single();
        var revisionBefore = (await engine.InstanceAsync(id)).Revision;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => engine.Runtime.ResumeAsync(bookmark.Id))));

        results.Count(r => r.Status == ResumeStatus.Resumed).Should().Be(1);
        results.Count(r => r.Status == ResumeStatus.AlreadyResumed).Should().Be(49);
        var journal = await engine.JournalAsync(id);
        Count(journal, JournalEvent.Resumed, "go").Should().Be(1);
        Count(journal, JournalEvent.Started, "count").Should().Be(1);
        Count(journal, JournalEvent.Started, "hold").Should().Be(1);
        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Suspended);
        instance.Revision.Should().Be(revisionBefore + 1, "one resume saved the instance once");
        VariablesOf(instance)["hits"]!.GetValue<int>().Should().Be(1);
        (await engine.OpenBookmarksAsync(id)).Should().ContainSingle().Which.Key.Should().Be("later");
    }

    [Fact]
    public async Task Thirty_branches_signalled_at_once_are_all_counted_and_the_join_completes_once()
    {
        const int branches = 30;
        var activities = new List<object> { Act("fork", "Fork"), Act("join", "Join", new { mode = "all" }), Act("done", "Finish", new { status = "All" }) };
        var connections = new List<object> { Link("join", "done") };
        for (var i = 0; i < branches; i++)
        {
            activities.Add(Act($"wait{i}", "WaitForSignal", new { signal = $"s{i}" }));
            activities.Add(Act($"count{i}", "SetVariable", new { name = "arrived", value = "variables.arrived + 1" }));
            connections.AddRange([Link("fork", $"wait{i}"), Link($"wait{i}", $"count{i}"), Link($"count{i}", "join")]);
        }
        await using var engine = await StartEngineAsync();
        await engine.PublishAsync(Flow("thirty", [.. activities], [.. connections], variables: [Var("arrived", 0)]));
        var id = (await engine.Runtime.StartAsync("thirty")).Id;

        var results = await Task.WhenAll(Enumerable.Range(0, branches).Select(i => Task.Run(() => engine.Runtime.SignalAsync(id, $"s{i}"))));

        results.Should().OnlyContain(r => r.Status == ResumeStatus.Resumed);
        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("All");
        VariablesOf(instance)["arrived"]!.GetValue<int>().Should().Be(branches, "no branch's update may be lost");
        var journal = await engine.JournalAsync(id);
        Count(journal, JournalEvent.Completed, "join").Should().Be(1);
        Count(journal, JournalEvent.Waiting, "join").Should().Be(branches - 1);
        Count(journal, JournalEvent.Started, "done").Should().Be(1);
        journal.Count(j => j.Event == JournalEvent.InstanceFinished).Should().Be(1);
    }

    [Fact]
    public async Task An_instance_survives_a_restart_over_the_same_database()
    {
        var database = Postgres(await postgres.Server.CreateDatabaseAsync());
        Guid id;
        await using (var before = await EngineHost.StartAsync(database))
        {
            await before.PublishAsync(Flow("restart", [
                Act("wait", "WaitForSignal", new { signal = "go", variable = "answer" }),
                Act("end", "Finish", new { status = "Finished after restart" }),
            ], [Link("wait", "end")]));
            id = (await before.Runtime.StartAsync("restart")).Id;
            (await before.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended);
        }

        // Migrating again finds nothing to do; the instance is all in the rows.
        await using var after = await EngineHost.StartAsync(database);
        (await after.Runtime.SignalAsync(id, "go", new JsonObject { ["ok"] = true })).Status.Should().Be(ResumeStatus.Resumed);

        var instance = await after.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Finished after restart");
        instance.FinishedAt!.Value.Offset.Should().Be(TimeSpan.Zero, "timestamptz comes back as UTC");
        VariablesOf(instance)["answer"]!["ok"]!.GetValue<bool>().Should().BeTrue();
    }
}
