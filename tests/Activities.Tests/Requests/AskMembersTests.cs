using Koostoo.Activities.Requests;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>AskMembers run by the engine over the network's database: when the step closes, whom the reminders reach, what the deadline does.</summary>
public sealed class AskMembersTests : IAsyncLifetime
{
    private readonly NetworkEngine _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static bool IsReminder(Email.OutboxMessage m) => m.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal) || m.Subject.StartsWith("Reminder", StringComparison.Ordinal);

    [Theory]
    [InlineData("all", 3, 3)]
    [InlineData("majority", 5, 3)]
    [InlineData("count:2", 4, 2)]
    public async Task The_step_closes_once_when_its_quorum_answers_and_the_next_step_starts_once(string quorum, int members, int needed)
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { quorum }), members);
        (await _engine.OutboxAsync()).Select(m => m.ToAddress).Should().BeEquivalentTo(Enumerable.Range(1, members).Select(NetworkEngine.Email), "each member is asked");

        for (var i = 1; i < needed; i++) (await _engine.AnswerAsync(NetworkEngine.Email(i), new { join = true })).Status.Should().Be(ResumeStatus.Resumed);
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0), "one answer short of the quorum");

        await _engine.AnswerAsync(NetworkEngine.Email(needed), new { join = false });

        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Done", 1));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.ClosedAt != null, "every link of a closed step stops working");
        if (needed < members)
            (await _engine.AnswerAsync(NetworkEngine.Email(members), new { join = true })).Status.Should().NotBe(ResumeStatus.Resumed);
        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Done", 1), "an answer after the close changes nothing");
    }

    [Theory]
    // A majority of five is three: three yes approve; three no make three yes impossible.
    [InlineData(new[] { true, false, true, true }, "Done,Approved")]
    [InlineData(new[] { false, true, false, false }, "Done,Rejected")]
    public async Task A_named_decision_is_approved_or_rejected_by_the_quorum(bool[] votes, string outcome)
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { quorum = "majority", decision = "join" }), 5);

        for (var i = 0; i < votes.Length; i++) await _engine.AnswerAsync(NetworkEngine.Email(i + 1), new { join = votes[i] });

        (await _engine.ClosedAsync("ask", "after")).Should().Be((outcome, 1));
    }

    [Fact]
    public async Task A_reminder_goes_only_to_those_who_have_not_answered()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { reminders = new[] { "P1D" } }), 3);
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true });

        (await _engine.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1, "the reminder's timer fired");

        (await _engine.OutboxAsync()).Where(IsReminder).Select(m => m.ToAddress).Should().BeEquivalentTo([NetworkEngine.Email(2), NetworkEngine.Email(3)]);
        (await _engine.RequestsAsync()).ToDictionary(r => r.RespondentEmail, r => r.RemindersSent)
            .Should().Equal(new Dictionary<string, int> { [NetworkEngine.Email(1)] = 0, [NetworkEngine.Email(2)] = 1, [NetworkEngine.Email(3)] = 1 });
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0));
    }

    [Fact]
    public async Task At_the_deadline_with_continue_the_step_closes_with_Timeout_and_what_it_has()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { onDeadline = "continue" }), 3);
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true });

        await _engine.AdvanceAsync(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0), "the deadline has not come");
        await _engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Timeout", 1));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.ClosedAt != null);
    }

    [Fact]
    public async Task At_the_deadline_with_escalate_the_coordinator_hears_who_is_silent_and_the_step_waits_for_them()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { onDeadline = "escalate" }), 3);
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true });

        await _engine.AdvanceAsync(TimeSpan.FromDays(3));

        var escalation = (await _engine.OutboxAsync()).Single(m => m.ToAddress == NetworkEngine.CoordinatorEmail);
        escalation.Subject.Should().Be($"Kooli võrgustik: 2 vastust on puudu – {StepFlows.Question}");
        escalation.TextBody.Should().Contain("- Liige 2").And.Contain("- Liige 3").And.NotContain("Liige 1");
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0), "escalation means a person decides");
        (await _engine.InstanceAsync()).Status.Should().Be(InstanceStatus.Suspended);

        await _engine.CommandAsync("ask", new StepCommand.Close());
        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Timeout", 1));
    }

    [Fact]
    public async Task At_the_deadline_with_extend_the_silent_hear_of_the_new_deadline_once_and_the_second_deadline_continues()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { onDeadline = "extend", extendBy = "P2D" }), 3);
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true });

        await _engine.AdvanceAsync(TimeSpan.FromDays(3));

        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0));
        var reminders = (await _engine.OutboxAsync()).Where(IsReminder).ToList();
        reminders.Select(m => m.ToAddress).Should().BeEquivalentTo([NetworkEngine.Email(2), NetworkEngine.Email(3)]);
        reminders.Should().OnlyContain(m => m.TextBody.Contains("Tähtaega pikendati"));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.Deadline == NetworkEngine.Start.AddDays(5));

        await _engine.AdvanceAsync(TimeSpan.FromDays(2));
        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Timeout", 1));
        (await _engine.OutboxAsync()).Count(IsReminder).Should().Be(2, "extended once");
    }
}
