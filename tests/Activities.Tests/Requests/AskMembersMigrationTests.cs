using Koostoo.Activities.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Versions;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>
/// A step asking members moves to a new version while it waits: its requests follow it to a new id, a deadline the new
/// version changes moves and the requests (their reminders and calendar entries) show the new one, and a deadline the
/// coordinator extended stays as the coordinator set it.
/// </summary>
public sealed class AskMembersMigrationTests : IAsyncDisposable
{
    private const string Flow = "ask-flow";
    private readonly NetworkEngine _engine = new();

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private async Task<DateTimeOffset?> DeadlineAsync() =>
        (await _engine.OpenBookmarksAsync()).SingleOrDefault(b => b.Kind == BookmarkKind.Timer && b.Key == "deadline")?.DueAt;

    [Fact]
    public async Task A_shorter_deadline_in_the_new_version_moves_the_step_and_its_requests()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { deadline = "P3D" }), members: 2);
        await _engine.PublishAsync(StepFlows.Ask(new { deadline = "P2D" }));

        (await _engine.MigrateAsync(Flow)).Status.Should().Be(MigrationStatus.Migrated);

        (await DeadlineAsync()).Should().Be(NetworkEngine.Start.AddDays(2));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.Deadline == NetworkEngine.Start.AddDays(2));
    }

    [Fact]
    public async Task A_deadline_the_coordinator_extended_stays_as_she_set_it()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { deadline = "P3D" }), members: 2);
        await _engine.CommandAsync("ask", new StepCommand.Extend(TimeSpan.FromDays(2)));
        await _engine.PublishAsync(StepFlows.Ask(new { deadline = "P4D" }));

        var moved = await _engine.MigrateAsync(Flow);

        moved.Notes.Should().ContainSingle().Which.Should().Contain("it was moved while the step waited");
        moved.Timers.Should().BeEmpty();
        (await DeadlineAsync()).Should().Be(NetworkEngine.Start.AddDays(5));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.Deadline == NetworkEngine.Start.AddDays(5));
    }

    [Fact]
    public async Task A_renamed_step_takes_its_requests_and_answers_along_and_closes_on_the_last_answer()
    {
        await _engine.LaunchAsync(StepFlows.Ask(), members: 2);
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true });
        await _engine.PublishAsync(StepFlows.Ask().Replace("\"ask\"", "\"asked\"", StringComparison.Ordinal));

        (await _engine.MigrateAsync(Flow, new() { ["ask"] = "asked" })).Status.Should().Be(MigrationStatus.Migrated);

        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.ActivityId == "asked");
        await _engine.AnswerAsync(NetworkEngine.Email(2), new { join = false });
        (await _engine.ClosedAsync("asked", "after")).Should().Be(("Done", 1));
    }
}
