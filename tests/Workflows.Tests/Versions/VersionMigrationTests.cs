using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Scheduling;
using Koostoo.Workflows.Versions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests.Versions;

/// <summary>
/// Moving a waiting instance to a new version on the engine alone (WaitForSignal is a waiting step with a deadline and
/// reminders, like the network's): the mapping, what is left untouched when it cannot move, the bookmarks it keeps, the
/// timers a new version adds, moves or drops. Time moves by hand; the sweep fires what is due.
/// </summary>
public sealed class VersionMigrationTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Tallinn.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private EngineHost _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHost.StartAsync(time: _time);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private VersionMigrator Migrator => _engine.Services.GetRequiredService<VersionMigrator>();

    private static string Waiting(string waitId, object inputs, string result = "v1") =>
        Flow("moving", [Act(waitId, "WaitForSignal", inputs), Act("end", "Finish", new { status = result })], [Link(waitId, "end")]);

    private Task<InstanceMigration> MoveAsync(Guid id, bool dryRun, Dictionary<string, string>? byHand = null) =>
        Migrator.MigrateAsync(new MigrationOrder(id, "moving", 1, 2, byHand ?? [], "Anne Admin", dryRun));

    private async Task<(WorkflowInstance Instance, List<Bookmark> Bookmarks, int Journal)> StateAsync(Guid id) =>
        (await _engine.InstanceAsync(id), await _engine.OpenBookmarksAsync(id), (await _engine.JournalAsync(id)).Count);

    [Fact]
    public async Task A_renamed_waiting_step_blocks_the_instance_untouched_until_it_is_mapped_by_hand_then_keeps_its_bookmarks()
    {
        await _engine.PublishAsync(Waiting("wait", new { signal = "go", deadline = "P5D", reminders = new[] { "P2D" } }));
        var id = (await _engine.Runtime.StartAsync("moving")).Id;
        var before = await StateAsync(id);
        await _engine.PublishAsync(Waiting("answer", new { signal = "go", deadline = "P5D", reminders = new[] { "P2D" } }, result: "v2"));

        foreach (var dryRun in new[] { true, false })
        {
            var refused = await MoveAsync(id, dryRun);
            refused.Status.Should().Be(MigrationStatus.Blocked);
            refused.Steps.Should().ContainSingle().Which.Should().Match<StepMapping>(s => s.From == "wait" && s.To == null && s.Problem == MappingProblem.NotInVersion);
            refused.Reason.Should().Contain("'wait'").And.Contain("map it by hand");
            refused.WaitsNow.Should().ContainSingle().Which.Waits.Should().HaveCount(3, "the signal, the deadline and the reminder");
        }
        var untouched = await StateAsync(id);
        untouched.Instance.Revision.Should().Be(before.Instance.Revision);
        untouched.Instance.DefinitionVersion.Should().Be(1);
        untouched.Bookmarks.Should().BeEquivalentTo(before.Bookmarks);
        untouched.Journal.Should().Be(before.Journal);

        var dry = await MoveAsync(id, dryRun: true, new() { ["wait"] = "answer" });
        dry.Status.Should().Be(MigrationStatus.Ready);
        dry.Steps.Should().ContainSingle().Which.Should().Match<StepMapping>(s => s.To == "answer" && s.How == MappingSource.ByHand);
        dry.WaitsAfter.Should().ContainSingle().Which.Should().Match<WaitingStep>(w => w.ActivityId == "answer");
        dry.WaitsAfter[0].Waits.Select(w => (w.BookmarkId, w.DueAt)).Should().BeEquivalentTo(before.Bookmarks.Select(b => (b.Id, b.DueAt)));
        dry.Timers.Should().BeEmpty("the step's timers are the same in both versions");
        (await StateAsync(id)).Instance.Revision.Should().Be(before.Instance.Revision, "a dry run changes nothing");

        var moved = await MoveAsync(id, dryRun: false, new() { ["wait"] = "answer" });
        moved.Status.Should().Be(MigrationStatus.Migrated);
        var after = await StateAsync(id);
        after.Instance.DefinitionVersion.Should().Be(2);
        after.Bookmarks.Select(b => (b.Id, b.ActivityId, b.Kind, b.Key, b.DueAt)).Should()
            .BeEquivalentTo(before.Bookmarks.Select(b => (b.Id, "answer", b.Kind, b.Key, b.DueAt)), "the bookmarks keep their ids and times");
        (await _engine.JournalAsync(id)).Should().ContainSingle(j => j.Event == JournalEvent.InstanceMigrated)
            .Which.Message.Should().Be("moving v1 → v2 by Anne Admin; wait → answer");

        (await _engine.Runtime.SignalAsync(id, "go")).Status.Should().Be(ResumeStatus.Resumed);
        (await _engine.InstanceAsync(id)).Result.Should().Be("v2");
    }

    [Fact]
    public async Task A_reminder_the_new_version_adds_fires_on_time_and_one_already_past_is_not_sent_late()
    {
        await _engine.PublishAsync(Waiting("wait", new { signal = "go", deadline = "P5D", reminders = new[] { "P2D" } }));
        var id = (await _engine.Runtime.StartAsync("moving")).Id;
        var kept = (await _engine.OpenBookmarksAsync(id)).Single(b => b.Key == "reminder:1");
        _time.Advance(TimeSpan.FromDays(1));
        // PT12H is Monday 22:00, quiet: Tuesday 08:00 in Tallinn, before the move on Tuesday 10:00. P3D is Thursday 10:00.
        await _engine.PublishAsync(Waiting("wait", new { signal = "go", deadline = "P5D", reminders = new[] { "PT12H", "P2D", "P3D" } }));

        var moved = await MoveAsync(id, dryRun: false);

        moved.Status.Should().Be(MigrationStatus.Migrated);
        moved.Timers.Should().ContainSingle().Which.Should().Match<TimerChange>(t => t.Change == TimerChangeKind.Added && t.DueAt == Start.AddDays(3));
        moved.Notes.Should().Contain(n => n.Contains("2026-11-24 06:00 UTC had passed before the move"))
            .And.Contain(n => n.Contains("A reminder is added for 2026-11-26 08:00 UTC"));
        var open = await _engine.OpenBookmarksAsync(id);
        open.Should().Contain(b => b.Id == kept.Id && b.DueAt == Start.AddDays(2), "the reminder both versions have keeps its bookmark and time");

        var timers = _engine.Services.GetRequiredService<DueTimers>();
        _time.Advance(TimeSpan.FromDays(1)); // Wednesday 10:00
        (await timers.FireAllDueAsync()).Should().Be(1, "Wednesday's reminder");
        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        (await timers.FireAllDueAsync()).Should().Be(0, "not a second before its time");
        _time.Advance(TimeSpan.FromSeconds(1));
        (await timers.FireAllDueAsync()).Should().Be(1, "the new reminder, on Thursday at ten");
        (await _engine.JournalAsync(id)).Where(j => j.Event == JournalEvent.Note && j.Message!.StartsWith("Reminder", StringComparison.Ordinal))
            .Select(j => j.At).Should().Equal(Start.AddDays(2), Start.AddDays(3));
    }

    [Fact]
    public async Task A_shorter_deadline_moves_with_the_reminder_counted_back_from_it()
    {
        await _engine.PublishAsync(Waiting("wait", new { signal = "go", deadline = "P5D", reminders = new[] { "-P1D" } }));
        var id = (await _engine.Runtime.StartAsync("moving")).Id;
        await _engine.PublishAsync(Waiting("wait", new { signal = "go", deadline = "P3D", reminders = new[] { "-P1D" } }));

        var moved = await MoveAsync(id, dryRun: false);

        moved.Timers.Select(t => (t.Key, t.DueAt, t.Change)).Should().BeEquivalentTo(new[]
        {
            ("deadline", Start.AddDays(5), TimerChangeKind.Removed), ("reminder:1", Start.AddDays(4), TimerChangeKind.Removed),
            ("deadline", Start.AddDays(3), TimerChangeKind.Added), ("reminder:1", Start.AddDays(2), TimerChangeKind.Added),
        });
        (await _engine.OpenBookmarksAsync(id)).Where(b => b.Kind == BookmarkKind.Timer).Select(b => b.DueAt)
            .Should().BeEquivalentTo(new DateTimeOffset?[] { Start.AddDays(3), Start.AddDays(2) });
    }

    [Fact]
    public async Task A_step_can_only_become_one_of_its_own_type_and_two_cannot_become_one()
    {
        await _engine.PublishAsync(Flow("moving", [
            Act("fork", "Fork"), Act("a", "WaitForSignal", new { signal = "a" }), Act("b", "WaitForSignal", new { signal = "b" }),
        ], [Link("fork", "a"), Link("fork", "b")]));
        var id = (await _engine.Runtime.StartAsync("moving")).Id;
        await _engine.PublishAsync(Flow("moving", [Act("a", "Delay", new { duration = "P1D" }), Act("c", "WaitForSignal", new { signal = "c" })], [Link("a", "c")]));

        var byType = await MoveAsync(id, dryRun: true);
        byType.Steps.Single(s => s.From == "a").Problem.Should().Be(MappingProblem.OtherType);
        byType.Steps.Single(s => s.From == "b").Problem.Should().Be(MappingProblem.NotInVersion);

        var twice = await MoveAsync(id, dryRun: true, new() { ["a"] = "c", ["b"] = "c" });
        twice.Status.Should().Be(MigrationStatus.Blocked);
        twice.Steps.Should().OnlyContain(s => s.Problem == MappingProblem.TakenTwice);
        twice.Reason.Should().Contain("'a', 'b' would all become 'c'");
    }

    [Fact]
    public async Task An_instance_of_another_version_or_one_that_ended_is_not_moved()
    {
        await _engine.PublishAsync(Waiting("wait", new { signal = "go" }));
        var ended = (await _engine.Runtime.StartAsync("moving")).Id;
        await _engine.Runtime.SignalAsync(ended, "go");
        await _engine.PublishAsync(Waiting("wait", new { signal = "go" }, result: "v2"));
        var onTwo = (await _engine.Runtime.StartAsync("moving")).Id;

        (await MoveAsync(ended, dryRun: false)).Should().Match<InstanceMigration>(m => m.Status == MigrationStatus.NotEligible && m.Reason!.Contains("ended"));
        (await MoveAsync(onTwo, dryRun: false)).Status.Should().Be(MigrationStatus.AlreadyMoved);
    }
}
