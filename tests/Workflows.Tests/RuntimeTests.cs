using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The runtime as a user of the service meets it: which way an instance goes, what it waits for, what the journal says,
/// and that a stimulus counts exactly once, each over a real SQLite file of its own.
/// </summary>
public class RuntimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static int Count(IEnumerable<JournalEntry> journal, JournalEvent @event, string activityId) =>
        journal.Count(j => j.Event == @event && j.ActivityId == activityId);

    private static JsonObject VariablesOf(WorkflowInstance instance) => InstanceState.Read(instance.State).Variables;

    [Theory]
    [InlineData(5, "Big", "True")]
    [InlineData(3, "Small", "False")]
    public async Task If_takes_the_branch_its_condition_over_input_and_variables_picks(int amount, string result, string outcome)
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("branch", [
            Act("check", "If", new { condition = "input.amount > variables.limit" }),
            Act("big", "Finish", new { status = "Big" }),
            Act("small", "Finish", new { status = "Small" }),
        ], [Link("check", "big", "True"), Link("check", "small", "False")], variables: [Var("limit", 3)]));

        var started = await engine.Runtime.StartAsync("branch", new JsonObject { ["amount"] = amount });

        var instance = await engine.InstanceAsync(started.Id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be(result);
        var journal = await engine.JournalAsync(started.Id);
        journal.Should().ContainSingle(j => j.Event == JournalEvent.Completed && j.ActivityId == "check").Which.Outcome.Should().Be(outcome);
        var other = result == "Big" ? "small" : "big";
        journal.Should().NotContain(j => j.ActivityId == other, "the branch not taken never runs");
    }

    [Fact]
    public async Task SetVariable_evaluates_javascript_and_a_later_If_sees_the_value()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("setvar", [
            Act("set", "SetVariable", new { name = "count", value = "variables.count * 10 + 2" }),
            Act("summary", "SetVariable", new { name = "summary", value = "{ total: variables.count, tags: ['a', 'b'] }" }),
            Act("check", "If", new { condition = "variables.count === 12 && variables.summary.tags.length === 2" }),
            Act("yes", "Finish", new { status = "Twelve" }),
            Act("no", "Finish", new { status = "Other" }),
        ], [Link("set", "summary"), Link("summary", "check"), Link("check", "yes", "True"), Link("check", "no", "False")],
            variables: [Var("count", 1)]));

        var started = await engine.Runtime.StartAsync("setvar");

        var instance = await engine.InstanceAsync(started.Id);
        instance.Result.Should().Be("Twelve");
        var variables = VariablesOf(instance);
        variables["count"]!.GetValue<int>().Should().Be(12);
        variables["summary"]!["total"]!.GetValue<int>().Should().Be(12);
    }

    [Fact]
    public async Task Join_all_waits_for_every_branch_and_then_continues_once()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("join-all", [
            Act("fork", "Fork"),
            Act("a", "WaitForSignal", new { signal = "a" }),
            Act("b", "WaitForSignal", new { signal = "b" }),
            Act("join", "Join", new { mode = "all" }),
            Act("done", "Finish", new { status = "Joined" }),
        ], [Link("fork", "a"), Link("fork", "b"), Link("a", "join"), Link("b", "join"), Link("join", "done")]));
        var id = (await engine.Runtime.StartAsync("join-all")).Id;
        (await engine.OpenBookmarksAsync(id)).Select(b => b.Key).Should().BeEquivalentTo("a", "b");

        (await engine.Runtime.SignalAsync(id, "a")).Status.Should().Be(ResumeStatus.Resumed);

        (await engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended);
        (await engine.OpenBookmarksAsync(id)).Should().ContainSingle().Which.Key.Should().Be("b");
        var journal = await engine.JournalAsync(id);
        journal.Should().ContainSingle(j => j.Event == JournalEvent.Waiting && j.ActivityId == "join").Which.Message.Should().Contain("b");
        Count(journal, JournalEvent.Completed, "join").Should().Be(0);
        Count(journal, JournalEvent.Started, "done").Should().Be(0);

        (await engine.Runtime.SignalAsync(id, "b")).Status.Should().Be(ResumeStatus.Resumed);

        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Joined");
        journal = await engine.JournalAsync(id);
        Count(journal, JournalEvent.Completed, "join").Should().Be(1);
        Count(journal, JournalEvent.Started, "done").Should().Be(1);
        (await engine.OpenBookmarksAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Join_any_continues_with_the_first_branch_and_absorbs_the_later_one()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("join-any", [
            Act("fork", "Fork"),
            Act("a", "WaitForSignal", new { signal = "a" }),
            Act("b", "WaitForSignal", new { signal = "b" }),
            Act("join", "Join", new { mode = "any" }),
            Act("after", "SetVariable", new { name = "runs", value = "variables.runs + 1" }),
            Act("end", "WaitForSignal", new { signal = "end" }),
            Act("done", "Finish", new { status = "Closed" }),
        ], [Link("fork", "a"), Link("fork", "b"), Link("a", "join"), Link("b", "join"), Link("join", "after"), Link("after", "end"), Link("end", "done")],
            variables: [Var("runs", 0)]));
        var id = (await engine.Runtime.StartAsync("join-any")).Id;

        await engine.Runtime.SignalAsync(id, "b");

        VariablesOf(await engine.InstanceAsync(id))["runs"]!.GetValue<int>().Should().Be(1, "the first branch to arrive goes on at once");
        (await engine.OpenBookmarksAsync(id)).Select(b => b.Key).Should().BeEquivalentTo(["a", "end"], "'any' does not cancel the other branch");

        await engine.Runtime.SignalAsync(id, "a");

        var journal = await engine.JournalAsync(id);
        Count(journal, JournalEvent.Started, "after").Should().Be(1);
        Count(journal, JournalEvent.Completed, "join").Should().Be(1);
        journal.Should().ContainSingle(j => j.Event == JournalEvent.Waiting && j.ActivityId == "join");
        VariablesOf(await engine.InstanceAsync(id))["runs"]!.GetValue<int>().Should().Be(1);
        (await engine.OpenBookmarksAsync(id)).Should().ContainSingle().Which.Key.Should().Be("end");

        await engine.Runtime.SignalAsync(id, "end");

        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Closed");
    }

    [Fact]
    public async Task Join_any_in_a_loop_continues_again_when_the_first_branch_comes_round_again()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("race-loop", [
            Act("fork", "Fork"),
            Act("a", "WaitForSignal", new { signal = "a" }),
            Act("b", "WaitForSignal", new { signal = "b" }),
            Act("join", "Join", new { mode = "any" }),
            Act("count", "SetVariable", new { name = "rounds", value = "variables.rounds + 1" }),
            Act("more", "If", new { condition = "variables.rounds < 2" }),
            Act("done", "Finish", new { status = "Two rounds" }),
        ], [Link("fork", "a"), Link("fork", "b"), Link("a", "join"), Link("b", "join"), Link("join", "count"), Link("count", "more"),
            Link("more", "fork", "True"), Link("more", "done", "False")], variables: [Var("rounds", 0)], start: "fork"));
        var id = (await engine.Runtime.StartAsync("race-loop")).Id;

        await engine.Runtime.SignalAsync(id, "a");
        await engine.Runtime.SignalAsync(id, "a");

        var instance = await engine.InstanceAsync(id);
        VariablesOf(instance)["rounds"]!.GetValue<int>().Should().Be(2, "the second round's first arrival is not a late arrival of the first round");
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Two rounds");
    }

    [Fact]
    public async Task Fifty_concurrent_resumes_of_one_bookmark_resume_it_exactly_once()
    {
        await using var engine = await EngineHost.StartAsync();
        await ConcurrencyScenarios.FiftyResumesOfOneBookmarkAsync(engine);
    }

    [Fact]
    public async Task Thirty_branches_signalled_at_once_are_all_counted_and_the_join_completes_once()
    {
        await using var engine = await EngineHost.StartAsync();
        await ConcurrencyScenarios.ThirtyBranchesSignalledAtOnceAsync(engine);
    }

    [Fact]
    public async Task Ten_admins_moving_one_instance_at_once_move_it_once()
    {
        await using var engine = await EngineHost.StartAsync();
        await ConcurrencyScenarios.TenMigrationsOfOneInstanceAtOnceAsync(engine);
    }

    [Fact]
    public async Task Two_deliveries_of_one_signal_at_once_reach_both_steps_waiting_for_it()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("same-signal", [
            Act("fork", "Fork"),
            Act("first", "WaitForSignal", new { signal = "approve" }),
            Act("second", "WaitForSignal", new { signal = "approve" }),
            Act("join", "Join", new { mode = "all" }),
            Act("done", "Finish", new { status = "Both" }),
        ], [Link("fork", "first"), Link("fork", "second"), Link("first", "join"), Link("second", "join"), Link("join", "done")]));
        var id = (await engine.Runtime.StartAsync("same-signal")).Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => engine.Runtime.SignalAsync(id, "approve"))));

        results.Should().OnlyContain(r => r.Status == ResumeStatus.Resumed, "each delivery finds a step still waiting for it");
        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Both");
        (await engine.Runtime.SignalAsync(id, "approve")).Status.Should().Be(ResumeStatus.InstanceNotActive);
    }

    [Fact]
    public async Task Cancel_removes_what_the_instance_waits_for_and_refuses_later_stimuli()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("cancel", [
            Act("fork", "Fork"),
            Act("a", "WaitForSignal", new { signal = "a" }),
            Act("b", "WaitForSignal", new { signal = "b" }),
        ], [Link("fork", "a"), Link("fork", "b")]));
        var id = (await engine.Runtime.StartAsync("cancel")).Id;
        var waiting = await engine.OpenBookmarksAsync(id);
        waiting.Should().HaveCount(2);

        var cancelled = await engine.Runtime.CancelAsync(id, "no longer needed");

        cancelled.Status.Should().Be(InstanceStatus.Cancelled);
        (await engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Cancelled);
        (await engine.OpenBookmarksAsync(id)).Should().BeEmpty();
        (await engine.JournalAsync(id)).Last().Should().Match<JournalEntry>(j => j.Event == JournalEvent.InstanceCancelled && j.Message == "no longer needed");
        (await engine.Runtime.SignalAsync(id, "a")).Status.Should().Be(ResumeStatus.InstanceNotActive);
        (await engine.Runtime.ResumeAsync(waiting[0].Id)).Status.Should().NotBe(ResumeStatus.Resumed, "a late timer or answer for a removed bookmark resumes nothing");
        (await engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Cancelled);
        await engine.Invoking(e => e.Runtime.CancelAsync(id)).Should().ThrowAsync<ConflictException>().WithMessage("*already cancelled*");
        await engine.Invoking(e => e.Runtime.CancelAsync(Guid.NewGuid())).Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task A_condition_that_throws_faults_the_instance_and_keeps_the_error()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("fault", [
            Act("fork", "Fork"),
            Act("go", "WaitForSignal", new { signal = "go" }),
            Act("check", "If", new { condition = "variables.missing.deep > 1" }),
            Act("done", "Finish"),
            Act("other", "WaitForSignal", new { signal = "other" }),
        ], [Link("fork", "go"), Link("go", "check"), Link("check", "done", "True"), Link("fork", "other")]));
        var id = (await engine.Runtime.StartAsync("fault")).Id;
        (await engine.OpenBookmarksAsync(id)).Should().HaveCount(2);

        var result = await engine.Runtime.SignalAsync(id, "go");

        result.Status.Should().Be(ResumeStatus.Resumed, "the stimulus was taken; what went wrong is on the instance, not thrown at the caller");
        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Faulted);
        instance.FaultedActivityId.Should().Be("check");
        instance.Fault.Should().Contain("variables.missing.deep").And.Contain("deep").And.Contain("undefined");
        (await engine.OpenBookmarksAsync(id)).Should().BeEmpty();
        var journal = await engine.JournalAsync(id);
        journal.Should().ContainSingle(j => j.Event == JournalEvent.Faulted && j.ActivityId == "check").Which.Message.Should().Be(instance.Fault);
        journal.Last().Event.Should().Be(JournalEvent.InstanceFaulted);
        (await engine.Runtime.SignalAsync(id, "other")).Status.Should().Be(ResumeStatus.InstanceNotActive);
    }

    [Fact]
    public async Task A_condition_that_never_ends_is_stopped_and_faults_the_instance()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("endless", [
            Act("check", "If", new { condition = "(() => { while (true) {} })()" }),
            Act("done", "Finish"),
        ], [Link("check", "done", "True")]));

        var started = await engine.Runtime.StartAsync("endless").WaitAsync(TimeSpan.FromSeconds(30));

        var instance = await engine.InstanceAsync(started.Id);
        instance.Status.Should().Be(InstanceStatus.Faulted);
        instance.FaultedActivityId.Should().Be("check");
        instance.Fault.Should().Contain("was stopped");
    }

    [Fact]
    public async Task A_loop_that_never_waits_faults_instead_of_hanging()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("spin", [
            Act("step", "SetVariable", new { name = "n", value = "variables.n + 1" }),
            Act("again", "If", new { condition = "true" }),
            Act("done", "Finish"),
        ], [Link("step", "again"), Link("again", "step", "True"), Link("again", "done", "False")], variables: [Var("n", 0)], start: "step"));

        var started = await engine.Runtime.StartAsync("spin").WaitAsync(TimeSpan.FromSeconds(60));

        var instance = await engine.InstanceAsync(started.Id);
        instance.Status.Should().Be(InstanceStatus.Faulted);
        // Whichever guard this machine reaches first: the activity limit of one pass, or the time budget the loop's
        // expressions share while the transaction holds the writer queue.
        instance.Fault.Should().Match(f => f.Contains("the definition loops", StringComparison.Ordinal)
                                           || f.Contains("expressions and templates have used their", StringComparison.Ordinal));
        (await engine.JournalAsync(started.Id)).Last().Event.Should().Be(JournalEvent.InstanceFaulted);
    }

    [Fact]
    public async Task The_journal_tells_a_simple_run_in_order_with_its_times()
    {
        var time = new FakeTimeProvider(T0);
        await using var engine = await EngineHost.StartAsync(time: time);
        await engine.PublishAsync(Flow("simple", [
            Act("wait", "WaitForSignal", new { signal = "go" }),
            Act("set", "SetVariable", new { name = "x", value = "1" }),
            Act("end", "Finish", new { status = "Approved" }),
        ], [Link("wait", "set"), Link("set", "end")]));
        var id = (await engine.Runtime.StartAsync("simple")).Id;
        time.Advance(TimeSpan.FromMinutes(5));

        await engine.Runtime.SignalAsync(id, "go");

        var journal = await engine.JournalAsync(id);
        journal.Select(j => (j.Event, j.ActivityId)).Should().Equal(
            (JournalEvent.InstanceStarted, null),
            (JournalEvent.Started, "wait"),
            (JournalEvent.Suspended, "wait"),
            (JournalEvent.Resumed, "wait"),
            (JournalEvent.Completed, "wait"),
            (JournalEvent.Started, "set"),
            (JournalEvent.Completed, "set"),
            (JournalEvent.Started, "end"),
            (JournalEvent.Completed, "end"),
            (JournalEvent.InstanceFinished, "end"));
        journal.Select(j => j.At).Should().BeInAscendingOrder();
        journal.First().At.Should().Be(T0);
        journal.Single(j => j.Event == JournalEvent.Resumed).At.Should().Be(T0.AddMinutes(5));
        journal.Last().Outcome.Should().Be("Approved");
        (await engine.InstanceAsync(id)).FinishedAt.Should().Be(T0.AddMinutes(5));
    }

    [Fact]
    public async Task A_delay_waits_on_a_timer_bookmark_due_after_its_duration()
    {
        var time = new FakeTimeProvider(T0);
        await using var engine = await EngineHost.StartAsync(time: time);
        await engine.PublishAsync(Flow("delay", [Act("pause", "Delay", new { duration = "PT2H" }), Act("end", "Finish")], [Link("pause", "end")]));
        var id = (await engine.Runtime.StartAsync("delay")).Id;

        var timer = (await engine.OpenBookmarksAsync(id)).Should().ContainSingle().Subject;
        timer.Kind.Should().Be(BookmarkKind.Timer);
        timer.DueAt.Should().Be(T0.AddHours(2));

        time.Advance(TimeSpan.FromHours(2));
        (await engine.Runtime.ResumeAsync(timer.Id)).Status.Should().Be(ResumeStatus.Resumed);
        (await engine.Runtime.ResumeAsync(timer.Id)).Status.Should().Be(ResumeStatus.AlreadyResumed, "a timer fired twice resumes once");

        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.FinishedAt.Should().Be(T0.AddHours(2));
    }

    [Fact]
    public async Task Finish_ends_the_instance_and_removes_what_other_branches_wait_for()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("finish", [
            Act("fork", "Fork"),
            Act("wait", "WaitForSignal", new { signal = "never" }),
            Act("end", "Finish", new { status = "Early" }),
        ], [Link("fork", "wait"), Link("fork", "end")]));

        var id = (await engine.Runtime.StartAsync("finish")).Id;

        var instance = await engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Early");
        (await engine.OpenBookmarksAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_instance_survives_a_restart_because_nothing_of_it_lives_in_memory()
    {
        var folder = Directory.CreateTempSubdirectory("koostoo-restart-");
        try
        {
            var databaseFile = Path.Combine(folder.FullName, "koostoo.db");
            Guid id;
            await using (var before = await EngineHost.StartAsync(databaseFile))
            {
                await before.PublishAsync(Flow("restart", [
                    Act("wait", "WaitForSignal", new { signal = "go", variable = "answer" }),
                    Act("end", "Finish", new { status = "Finished after restart" }),
                ], [Link("wait", "end")]));
                id = (await before.Runtime.StartAsync("restart")).Id;
                (await before.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended);
            }

            await using var after = await EngineHost.StartAsync(databaseFile);
            (await after.Runtime.SignalAsync(id, "go", new JsonObject { ["ok"] = true })).Status.Should().Be(ResumeStatus.Resumed);

            var instance = await after.InstanceAsync(id);
            instance.Status.Should().Be(InstanceStatus.Finished);
            instance.Result.Should().Be("Finished after restart");
            VariablesOf(instance)["answer"]!["ok"]!.GetValue<bool>().Should().BeTrue();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_running_instance_keeps_its_version_when_a_new_one_is_published()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("versioned", [
            Act("wait", "WaitForSignal", new { signal = "go" }),
            Act("end", "Finish", new { status = "V1" }),
        ], [Link("wait", "end")]));
        var a = (await engine.Runtime.StartAsync("versioned")).Id;
        await engine.PublishAsync(Flow("versioned", [
            Act("wait", "WaitForSignal", new { signal = "go" }),
            Act("mark", "SetVariable", new { name = "flow", value = "'second'" }),
            Act("end", "Finish", new { status = "V2" }),
        ], [Link("wait", "mark"), Link("mark", "end")]));
        var b = (await engine.Runtime.StartAsync("versioned")).Id;

        await engine.Runtime.SignalAsync(a, "go");
        await engine.Runtime.SignalAsync(b, "go");

        var first = await engine.InstanceAsync(a);
        first.DefinitionVersion.Should().Be(1);
        first.Result.Should().Be("V1");
        (await engine.JournalAsync(a)).Should().NotContain(j => j.ActivityId == "mark");
        var second = await engine.InstanceAsync(b);
        second.DefinitionVersion.Should().Be(2);
        second.Result.Should().Be("V2");
        VariablesOf(second)["flow"]!.GetValue<string>().Should().Be("second");
    }

    [Fact]
    public async Task Stimuli_nobody_waits_for_are_refused_with_a_reason()
    {
        await using var engine = await EngineHost.StartAsync();
        await engine.PublishAsync(Flow("refuse", [Act("wait", "WaitForSignal", new { signal = "go" }), Act("end", "Finish")], [Link("wait", "end")]));
        var id = (await engine.Runtime.StartAsync("refuse")).Id;

        await engine.Invoking(e => e.Runtime.SignalAsync(id, "stop")).Should().ThrowAsync<ConflictException>().WithMessage("*'stop'*");
        await engine.Invoking(e => e.Runtime.SignalAsync(Guid.NewGuid(), "go")).Should().ThrowAsync<NotFoundException>();
        await engine.Invoking(e => e.Runtime.StartAsync("no-such-workflow")).Should().ThrowAsync<NotFoundException>();
        (await engine.Runtime.ResumeAsync(Guid.NewGuid())).Status.Should().Be(ResumeStatus.NotFound);
        (await engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended, "a refused stimulus changes nothing");
    }
}
