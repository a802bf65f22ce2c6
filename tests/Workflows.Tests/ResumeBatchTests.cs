using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Runtime;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// Resumes that arrive together share one transaction, each in a savepoint of its own: what one of them does wrong
/// never costs the others, and nothing of it is half-saved.
/// </summary>
public class ResumeBatchTests
{
    private static async Task<List<Guid>> StartWaitingAsync(EngineHost engine, int count)
    {
        await engine.PublishAsync(Flow("waits", [
            Act("wait", "WaitForSignal", new { signal = "go" }),
            Act("end", "Finish", new { status = "Went" }),
        ], [Link("wait", "end")]));
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add((await engine.Runtime.StartAsync("waits")).Id);
        return ids;
    }

    [Fact]
    public async Task A_resume_that_throws_inside_a_batch_fails_alone_and_its_batch_mates_commit()
    {
        await using var engine = await EngineHost.StartAsync();
        var ids = await StartWaitingAsync(engine, 21);
        var bookmarks = new List<Guid>();
        foreach (var id in ids) bookmarks.Add((await engine.OpenBookmarksAsync(id)).Single().Id);

        // The first resume holds the writer until the other twenty are queued, so those twenty make one batch.
        var gate = new TaskCompletionSource();
        var holding = engine.Runtime.ResumeAsync(bookmarks[0], alongside: async (_, _) => await gate.Task);
        await Task.Delay(200);
        var broken = bookmarks[10];
        var others = bookmarks.Skip(1).Select(b => engine.Runtime.ResumeAsync(b,
            alongside: b == broken ? (_, _) => throw new InvalidOperationException("the channel's own record could not be written") : null)).ToList();
        await Task.Delay(200);
        gate.SetResult();

        (await holding).Status.Should().Be(ResumeStatus.Resumed);
        var failed = others[9];
        await FluentActions.Awaiting(() => failed).Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("the channel's own record could not be written", "the caller of the broken resume hears of its failure");
        foreach (var (resume, i) in others.Select((r, i) => (r, i)).Where(x => x.i != 9))
            (await resume).Status.Should().Be(ResumeStatus.Resumed, $"resume {i + 1} shared the batch with the broken one");

        foreach (var id in ids.Where(id => id != ids[10]))
            (await engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Finished);
        var untouched = await engine.InstanceAsync(ids[10]);
        untouched.Status.Should().Be(InstanceStatus.Suspended, "nothing of the broken resume is saved");
        untouched.Revision.Should().Be(1);
        (await engine.OpenBookmarksAsync(ids[10])).Should().ContainSingle().Which.Id.Should().Be(broken);
        (await engine.JournalAsync(ids[10])).Should().NotContain(j => j.Event == JournalEvent.Resumed);
    }

    [Fact]
    public async Task Signals_to_one_instance_queued_together_each_count_once_in_the_same_batch()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("count", [
            Act("fork", "Fork"),
            Act("a", "WaitForSignal", new { signal = "a" }), Act("b", "WaitForSignal", new { signal = "b" }), Act("c", "WaitForSignal", new { signal = "c" }),
            Act("join", "Join", new { mode = "all" }),
            Act("end", "Finish", new { status = "All" }),
        ], [Link("fork", "a"), Link("fork", "b"), Link("fork", "c"), Link("a", "join"), Link("b", "join"), Link("c", "join"), Link("join", "end")]));
        var id = (await engine.Runtime.StartAsync("count")).Id;
        var open = await engine.OpenBookmarksAsync(id);

        var results = await Task.WhenAll(open.SelectMany(b => new[] { b, b }).Select(b => engine.Runtime.ResumeAsync(b.Id)));

        results.Count(r => r.Status == ResumeStatus.Resumed).Should().Be(3);
        results.Count(r => r.Status == ResumeStatus.AlreadyResumed).Should().Be(3);
        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("All");
        (await engine.JournalAsync(id)).Count(j => j.Event == JournalEvent.Completed && j.ActivityId == "join").Should().Be(1);
    }
}
