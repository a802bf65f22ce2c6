using Koostoo.Activities.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Goals;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>What a stage's answers write into the network (AskMembers' <c>record</c>), in the step's own transaction.</summary>
public sealed class NetworkRecordTests : IAsyncLifetime
{
    private readonly NetworkEngine _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static readonly object[] GoalFields =
        [.. NetworkRecords.Fields(NetworkRecords.Goal).Select(f => StepFlows.Text(f, f == "timebound" ? "date" : "text"))];

    private static readonly object[] PlanFields = [StepFlows.Text("action"), StepFlows.Text("due", "date"), StepFlows.YesNo("confirm")];

    [Fact]
    public async Task A_goal_answer_is_the_goals_next_draft_put_to_the_members()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { record = NetworkRecords.Goal, audience = new[] { "coordinator" } }, GoalFields), 2);

        await _engine.AnswerAsync(NetworkEngine.CoordinatorEmail, new
        {
            problem = "Noored langevad koolist välja", specific = "Väljalangevus väheneb", measurable = "Alla 2%",
            ambitious = "Pool vähem", realistic = "Koolid on nõus", timebound = "2031-06-01",
        });

        var goal = await _engine.WithDbAsync(db => db.Goals.AsNoTracking().SingleAsync());
        goal.Should().Match<Goal>(g => g.NetworkId == _engine.NetworkId && g.Draft == 1 && g.Status == GoalStatus.Proposed
            && g.Problem == "Noored langevad koolist välja" && g.Measurable == "Alla 2%" && g.TimeBound == new DateOnly(2031, 6, 1));
        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Done", 1));
    }

    [Theory]
    [InlineData(new[] { true, true }, GoalStatus.Approved, 2, 0)]
    [InlineData(new[] { false, false }, GoalStatus.Rejected, 0, 2)]
    public async Task The_goal_decision_approves_or_rejects_the_latest_draft_with_its_votes(bool[] votes, GoalStatus status, int votesFor, int against)
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { record = NetworkRecords.GoalDecision, decision = "join", quorum = "majority" }), 3,
            (db, network) => db.Goals.AddRange(
                new Goal { NetworkId = network.Id, Draft = 1, Status = GoalStatus.Rejected, Problem = "p", Specific = "s1", Measurable = "m", Ambitious = "a", Realistic = "r" },
                new Goal { NetworkId = network.Id, Draft = 2, Problem = "p", Specific = "s2", Measurable = "m", Ambitious = "a", Realistic = "r" }));

        for (var i = 0; i < votes.Length; i++) await _engine.AnswerAsync(NetworkEngine.Email(i + 1), new { join = votes[i] });

        var goals = await _engine.WithDbAsync(db => db.Goals.AsNoTracking().OrderBy(g => g.Draft).ToListAsync());
        goals[1].Should().Match<Goal>(g => g.Status == status && g.VotesFor == votesFor && g.VotesAgainst == against && g.DecidedAt == _engine.Time.GetUtcNow());
        goals[0].Status.Should().Be(GoalStatus.Rejected, "an earlier draft keeps its decision");
    }

    [Fact]
    public async Task A_plan_answer_is_the_members_action_a_changed_one_updates_it_and_an_unconfirmed_one_takes_it_out()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { record = NetworkRecords.Plan }, PlanFields), 2);
        var owner = await _engine.WithDbAsync(db => db.Members.SingleAsync(m => m.Email == NetworkEngine.Email(2)));

        await _engine.AnswerAsync(NetworkEngine.Email(2), new { action = "Tugiõpilaste koolitus", due = "2030-09-01", confirm = true });
        await _engine.AnswerAsync(NetworkEngine.Email(2), new { action = "Tugiõpilaste koolitus kahes koolis", due = "2030-10-01", confirm = true });

        var action = await _engine.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync());
        action.Should().Match<ActionItem>(a => a.What == "Tugiõpilaste koolitus kahes koolis" && a.DueOn == new DateOnly(2030, 10, 1)
            && a.OwnerMemberId == owner.Id && a.OwnerName == "Liige 2" && a.NetworkId == _engine.NetworkId);

        await _engine.AnswerAsync(NetworkEngine.Email(2), new { action = "Tugiõpilaste koolitus", due = "2030-09-01", confirm = false });
        (await _engine.WithDbAsync(db => db.ActionItems.CountAsync())).Should().Be(0);
    }
}
