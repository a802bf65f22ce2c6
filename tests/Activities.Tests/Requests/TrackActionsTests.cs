using Koostoo.Activities.Requests;
using Koostoo.Networks.Actions;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>
/// TrackActions in-process: each action's owner is checked in with before its due date, an overdue action is told to its
/// owner and the coordinator once, and the stage is Done when every action is. The network's day starts at 09:00 in
/// Tallinn, 06:00 UTC in summer, which is when <see cref="NetworkEngine.Start"/> is.
/// </summary>
public sealed class TrackActionsTests : IAsyncLifetime
{
    private readonly NetworkEngine _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static DateOnly Day(int days) => DateOnly.FromDateTime(NetworkEngine.Start.UtcDateTime).AddDays(days);

    /// <summary>Starts following one action per (owner, due in days) of a network of three.</summary>
    private Task LaunchAsync(params (int Owner, int DueInDays)[] actions) =>
        _engine.LaunchAsync(StepFlows.Track(), 3, (db, network) => db.ActionItems.AddRange(actions.Select(a => new ActionItem
        {
            NetworkId = network.Id,
            What = $"Tegevus {a.Owner}",
            OwnerMemberId = network.Members[a.Owner - 1].Id,
            OwnerName = network.Members[a.Owner - 1].Name,
            DueOn = Day(a.DueInDays),
        })));

    private async Task<List<string>> MailToAsync(string subjectPart) =>
        (await _engine.OutboxAsync()).Where(m => m.Subject.Contains(subjectPart, StringComparison.Ordinal)).Select(m => m.ToAddress).ToList();

    [Fact]
    public async Task An_owner_is_checked_in_with_three_days_before_the_due_date_and_one_due_sooner_at_once()
    {
        await LaunchAsync((1, 1), (2, 10), (3, 20));
        (await MailToAsync("please answer")).Should().Equal(NetworkEngine.Email(1));
        (await MailToAsync("palun vasta")).Should().BeEmpty();

        await _engine.AdvanceAsync(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        (await MailToAsync("palun vasta")).Should().BeEmpty("the check-in is three days before the due date, at the day's start");
        await _engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        (await MailToAsync("palun vasta")).Should().Equal(NetworkEngine.Email(2));

        (await _engine.RequestsAsync()).Single(r => r.RespondentEmail == NetworkEngine.Email(2)).Deadline
            .Should().Be(NetworkEngine.Start.AddDays(10), "the request is due with its action");
    }

    [Fact]
    public async Task An_overdue_action_reminds_its_owner_and_tells_the_coordinator_once()
    {
        await LaunchAsync((2, 10), (3, 20));

        await _engine.AdvanceAsync(TimeSpan.FromDays(11) - TimeSpan.FromMinutes(1));
        (await MailToAsync("üle tähtaja")).Should().BeEmpty("the action is due all of its day");
        await _engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        (await MailToAsync("üle tähtaja")).Should().Equal(NetworkEngine.CoordinatorEmail);
        var reminder = (await _engine.OutboxAsync()).Single(m => m.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal));
        reminder.ToAddress.Should().Be(NetworkEngine.Email(2));
        reminder.TextBody.Should().Contain($"Tegevuse tähtaeg oli {Koostoo.Networks.DateText.InWords(Day(10), "et")}");
        (await _engine.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.What == "Tegevus 2"))).EscalatedAt.Should().Be(_engine.Time.GetUtcNow());

        await _engine.AdvanceAsync(TimeSpan.FromDays(9));
        (await MailToAsync("üle tähtaja")).Should().HaveCount(1, "told once; the other action is not due yet");
    }

    [Fact]
    public async Task The_stage_is_Done_when_every_action_is_done_and_a_done_action_is_followed_no_further()
    {
        await LaunchAsync((2, 10), (3, 20));

        await _engine.AnswerAsync(NetworkEngine.Email(2), new { status = "late", progress = "Ruum puudub" });
        await _engine.AnswerAsync(NetworkEngine.Email(2), new { status = "done" });
        (await _engine.ClosedAsync("track", "after")).Should().Be((null, 0));
        (await _engine.OpenBookmarksAsync()).Where(b => b.Key != null && (b.Key.StartsWith("checkin:", StringComparison.Ordinal) || b.Key.StartsWith("overdue:", StringComparison.Ordinal)))
            .Should().HaveCount(2, "only the open action's check-in and overdue timers are left");
        await _engine.AdvanceAsync(TimeSpan.FromDays(11));
        (await MailToAsync("üle tähtaja")).Should().BeEmpty("a done action is never overdue");

        await _engine.AnswerAsync(NetworkEngine.Email(3), new { status = "done" });

        (await _engine.ClosedAsync("track", "after")).Should().Be(("Done", 1));
        var actions = await _engine.WithDbAsync(db => db.ActionItems.AsNoTracking().Include(a => a.Progress).ToListAsync());
        actions.Should().OnlyContain(a => a.Status == ActionStatus.Done && a.DoneAt != null);
        actions.Single(a => a.What == "Tegevus 2").Progress.Select(p => (p.Status, p.Note)).Should().Equal((ActionStatus.Late, "Ruum puudub"), (ActionStatus.Done, null));
    }

    [Fact]
    public async Task At_the_stage_deadline_it_ends_with_Timeout()
    {
        await LaunchAsync((2, 40));

        await _engine.AdvanceAsync(TimeSpan.FromDays(30));

        (await _engine.ClosedAsync("track", "after")).Should().Be(("Timeout", 1));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.ClosedAt != null);
    }

    [Fact]
    public async Task Commands_remind_the_owners_of_open_actions_extend_the_stage_alone_change_nothing_for_members_and_close_it()
    {
        await LaunchAsync((2, 10), (3, 20));
        await _engine.AnswerAsync(NetworkEngine.Email(2), new { status = "done" });

        await _engine.CommandAsync("track", new StepCommand.Remind());
        (await MailToAsync("Meeldetuletus")).Should().Equal(NetworkEngine.Email(3));

        await _engine.CommandAsync("track", new StepCommand.Extend(TimeSpan.FromDays(2)));
        (await _engine.OpenBookmarksAsync()).Single(b => b.Key == "deadline").DueAt.Should().Be(NetworkEngine.Start.AddDays(32));
        (await _engine.RequestsAsync()).Select(r => r.Deadline).Should().BeEquivalentTo([NetworkEngine.Start.AddDays(10), NetworkEngine.Start.AddDays(20)], "each request stays due with its action");

        var member = await _engine.WithDbAsync(db => db.Members.SingleAsync(m => m.Email == NetworkEngine.Email(1)));
        await _engine.CommandAsync("track", new StepCommand.AddMember(member.Id));
        await _engine.CommandAsync("track", new StepCommand.RemoveMember(member.Id));
        (await _engine.RequestsAsync()).Should().HaveCount(2, "actions have owners, not an audience");

        await _engine.CommandAsync("track", new StepCommand.Close());
        (await _engine.ClosedAsync("track", "after")).Should().Be(("Timeout", 1), "one of two actions is done");
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.ClosedAt != null);
    }

    [Fact]
    public async Task A_reassigned_action_asks_its_new_owner_and_the_old_link_resumes_nothing()
    {
        await LaunchAsync((2, 10), (3, 20));
        var action = await _engine.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.What == "Tegevus 2"));
        var first = await _engine.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == NetworkEngine.Email(1)));
        var old = (await _engine.RequestsAsync()).Single(r => r.RespondentEmail == NetworkEngine.Email(2));

        await _engine.CommandAsync("track", new StepCommand.ReassignAction(action.Id, first.Id));

        var requests = await _engine.RequestsAsync();
        requests.Single(r => r.Id == old.Id).ClosedAt.Should().NotBeNull();
        requests.Single(r => r.ClosedAt == null && r.RespondentEmail == NetworkEngine.Email(1)).Deadline.Should().Be(NetworkEngine.Start.AddDays(10));
        (await _engine.Runtime.ResumeAsync(old.BookmarkId, new System.Text.Json.Nodes.JsonObject { ["answer"] = new System.Text.Json.Nodes.JsonObject { ["status"] = "done" } }))
            .Status.Should().NotBe(Koostoo.Workflows.Runtime.ResumeStatus.Resumed, "the old owner's request is closed");
        (await _engine.OutboxAsync()).Where(m => m.Subject.Contains("tegevuskavas", StringComparison.Ordinal) || m.Subject.Contains("action plan", StringComparison.Ordinal))
            .Select(m => m.ToAddress).Should().BeEquivalentTo(NetworkEngine.Email(1), NetworkEngine.Email(2));

        await _engine.AdvanceAsync(TimeSpan.FromDays(7));
        // Member 1 reads English.
        (await MailToAsync("How is your action \"Tegevus 2\" going?")).Should().Equal(NetworkEngine.Email(1));
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { status = "done" });
        (await _engine.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == action.Id))).Status.Should().Be(ActionStatus.Done);
    }

    [Fact]
    public async Task An_added_action_is_followed_and_dropping_the_last_open_one_ends_the_stage_Done()
    {
        await LaunchAsync((2, 10));
        var third = await _engine.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == NetworkEngine.Email(3)));
        var added = Guid.NewGuid();
        await _engine.CommandAsync("track", new StepCommand.AddAction(added, "Uus tegevus", third.Id, Day(5), null));
        var state = System.Text.Json.Nodes.JsonNode.Parse((await _engine.InstanceAsync()).State)!;
        state["variables"]!["track"]!["actions"]!.GetValue<int>().Should().Be(2, "the published progress counts the added action");
        (await _engine.OpenBookmarksAsync()).Select(b => b.Key).Should().Contain(["checkin:" + added, "overdue:" + added]);

        await _engine.AnswerAsync(NetworkEngine.Email(2), new { status = "done" });
        (await _engine.ClosedAsync("track", "after")).Should().Be((null, 0), "the added action is still open");

        await _engine.CommandAsync("track", new StepCommand.DropAction(added));
        (await _engine.ClosedAsync("track", "after")).Should().Be(("Done", 1), "what is left of the plan is done");
        (await _engine.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == added))).Status.Should().Be(ActionStatus.Dropped);
        (await _engine.OpenBookmarksAsync()).Should().NotContain(b => b.Key != null && b.Key.EndsWith(added.ToString(), StringComparison.Ordinal));
    }
}
