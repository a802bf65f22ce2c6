using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Versions;
using Microsoft.Extensions.DependencyInjection;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The engine's exactly-once guarantees under concurrency, written once and run on each database: SQLite here,
/// PostgreSQL in Host.Tests (where writers really run at the same time, under read committed).
/// </summary>
public static class ConcurrencyScenarios
{
    /// <summary>50 stimuli for one bookmark at once: one resumes it, 49 see "already resumed", the next steps run once.</summary>
    public static async Task FiftyResumesOfOneBookmarkAsync(EngineHost engine)
{
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

    /// <summary>30 branches of a Fork signalled at once: every branch's update counts and the Join completes once.</summary>
    public static async Task ThirtyBranchesSignalledAtOnceAsync(EngineHost engine)
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

    /// <summary>
    /// Ten admins move one waiting instance to the next version at the same moment: it moves once (one journal line, one
    /// save), the other nine find it moved already, and it runs on the new version with the bookmark it had.
    /// </summary>
    public static async Task TenMigrationsOfOneInstanceAtOnceAsync(EngineHost engine)
    {
        object[] Steps(string result) => [Act("wait", "WaitForSignal", new { signal = "go" }), Act("end", "Finish", new { status = result })];
        await engine.PublishAsync(Flow("moved", Steps("v1"), [Link("wait", "end")]));
        var id = (await engine.Runtime.StartAsync("moved")).Id;
        var bookmark = (await engine.OpenBookmarksAsync(id)).Single();
        var revisionBefore = (await engine.InstanceAsync(id)).Revision;
        await engine.PublishAsync(Flow("moved", Steps("v2"), [Link("wait", "end")]));
        var migrator = engine.Services.GetRequiredService<VersionMigrator>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            migrator.MigrateAsync(new MigrationOrder(id, "moved", 1, 2, new Dictionary<string, string>(), $"admin {i}", DryRun: false)))));

        results.Count(r => r.Status == MigrationStatus.Migrated).Should().Be(1);
        results.Count(r => r.Status == MigrationStatus.AlreadyMoved).Should().Be(9);
        (await engine.JournalAsync(id)).Count(j => j.Event == JournalEvent.InstanceMigrated).Should().Be(1);
        var instance = await engine.InstanceAsync(id);
        instance.DefinitionVersion.Should().Be(2);
        instance.Revision.Should().Be(revisionBefore + 1, "one migration saved the instance once");
        (await engine.OpenBookmarksAsync(id)).Should().ContainSingle().Which.Id.Should().Be(bookmark.Id, "what the instance waits for keeps its id");
        (await engine.Runtime.SignalAsync(id, "go")).Status.Should().Be(ResumeStatus.Resumed);
        (await engine.InstanceAsync(id)).Result.Should().Be("v2", "it runs on the version it moved to");
    }

    private static System.Text.Json.Nodes.JsonObject VariablesOf(WorkflowInstance instance) => InstanceState.Read(instance.State).Variables;

    private static int Count(IEnumerable<JournalEntry> journal, JournalEvent @event, string activityId) =>
        journal.Count(j => j.Event == @event && j.ActivityId == activityId);
}
