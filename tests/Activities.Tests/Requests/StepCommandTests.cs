using Koostoo.Activities.Requests;
using Koostoo.Networks.Members;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>The coordinator's commands on a waiting AskMembers step, delivered as the service delivers them.</summary>
public sealed class StepCommandTests : IAsyncLifetime
{
    private readonly NetworkEngine _engine = new();

    public async Task InitializeAsync()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { quorum = "all" }), 3);
        await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true });
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<DateTimeOffset?> DeadlineAsync() =>
        (await _engine.OpenBookmarksAsync()).SingleOrDefault(b => b.ActivityId == "ask" && b.Key == "deadline")?.DueAt;

    private async Task<List<string>> OpenRequestsAsync() =>
        (await _engine.RequestsAsync()).Where(r => r.ClosedAt == null).Select(r => r.RespondentEmail).ToList();

    [Fact]
    public void A_command_travels_as_the_json_the_api_has_always_taken()
    {
        var memberId = Guid.NewGuid();
        new StepCommand.Extend(TimeSpan.FromDays(2)).ToStimulus().ToJsonString().Should().Be("""{"command":"extend","by":"P2D"}""");
        new StepCommand.AddMember(memberId).ToStimulus().ToJsonString().Should().Be($$"""{"command":"add-member","memberId":"{{memberId}}"}""");
        StepCommand.FromStimulus(new StepCommand.RemoveMember(memberId).ToStimulus()).Should().Be(new StepCommand.RemoveMember(memberId));
        StepCommand.FromStimulus(System.Text.Json.Nodes.JsonNode.Parse("""{"command":"extend","by":"P1W"}""")).Should().Be(new StepCommand.Extend(TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task Remind_reaches_only_the_silent_and_the_step_keeps_taking_commands()
    {
        (await _engine.CommandAsync("ask", new StepCommand.Remind())).Status.Should().Be(ResumeStatus.Resumed);

        (await _engine.OutboxAsync()).Where(m => m.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal) || m.Subject.StartsWith("Reminder", StringComparison.Ordinal))
            .Select(m => m.ToAddress)
            .Should().BeEquivalentTo([NetworkEngine.Email(2), NetworkEngine.Email(3)]);
        (await _engine.OpenBookmarksAsync()).Should().ContainSingle(b => b.Key == PeopleStep.CommandKey, "a fresh command bookmark waits for the next command");
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0));
    }

    [Fact]
    public async Task Extend_moves_the_deadline_and_the_requests_deadline_and_the_step_closes_at_the_new_one()
    {
        var before = (await DeadlineAsync())!.Value;

        await _engine.CommandAsync("ask", new StepCommand.Extend(TimeSpan.FromDays(2)));

        (await DeadlineAsync()).Should().Be(before.AddDays(2));
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.Deadline == before.AddDays(2));
        (await _engine.OpenBookmarksAsync()).Count(b => b.Key == "deadline").Should().Be(1, "the old deadline's timer is gone");
        await _engine.AdvanceAsync(TimeSpan.FromDays(3));
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0), "the old deadline passed and nothing happened");
        await _engine.AdvanceAsync(TimeSpan.FromDays(2));
        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Timeout", 1));
    }

    [Fact]
    public async Task Close_ends_the_step_with_Timeout_and_what_it_has_and_its_links_and_timers_with_it()
    {
        await _engine.CommandAsync("ask", new StepCommand.Close());

        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Timeout", 1));
        (await OpenRequestsAsync()).Should().BeEmpty();
        (await _engine.OpenBookmarksAsync()).Should().NotContain(b => b.ActivityId == "ask");
    }

    [Fact]
    public async Task Add_member_asks_a_member_who_joined_once_and_one_the_network_lacks_is_only_noted()
    {
        var joined = new Member { NetworkId = _engine.NetworkId, Name = "Uus Liige", Email = "uus@kool.example", AddedAt = _engine.Time.GetUtcNow() };
        await _engine.WithDbAsync(db => { db.Members.Add(joined); return db.SaveChangesAsync(); });

        await _engine.CommandAsync("ask", new StepCommand.AddMember(joined.Id));
        await _engine.CommandAsync("ask", new StepCommand.AddMember(joined.Id));
        await _engine.CommandAsync("ask", new StepCommand.AddMember(Guid.NewGuid()));

        (await OpenRequestsAsync()).Should().HaveCount(4).And.ContainSingle(e => e == "uus@kool.example");
        (await _engine.OutboxAsync()).Should().ContainSingle(m => m.ToAddress == "uus@kool.example" && m.Subject.Contains("palun vasta"));
        (await _engine.RequestsAsync()).Single(r => r.RespondentEmail == "uus@kool.example").Deadline.Should().Be(await DeadlineAsync());
        (await _engine.InstanceAsync()).Status.Should().Be(InstanceStatus.Suspended, "a command never faults the workflow");
        (await _engine.JournalAsync()).Should().Contain(j => j.Message != null && j.Message.StartsWith("Member not added to the step"));

        foreach (var i in new[] { 2, 3 }) await _engine.AnswerAsync(NetworkEngine.Email(i), new { join = true });
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0), "the step waits for the member added too");
        await _engine.AnswerAsync("uus@kool.example", new { join = true });
        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Done", 1));
    }

    [Fact]
    public async Task Remove_member_stops_waiting_for_them_so_the_rest_close_the_step()
    {
        await _engine.AnswerAsync(NetworkEngine.Email(2), new { join = true });
        var leaving = await _engine.WithDbAsync(db => db.Members.SingleAsync(m => m.Email == NetworkEngine.Email(3)));

        await _engine.CommandAsync("ask", new StepCommand.RemoveMember(leaving.Id));

        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Done", 1));
        (await _engine.RequestsAsync()).Single(r => r.RespondentEmail == NetworkEngine.Email(3)).ClosedAt.Should().NotBeNull();
    }
}
