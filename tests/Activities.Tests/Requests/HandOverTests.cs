using Koostoo.Activities.Requests;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>AskMembers taking a hand-over on a request's bookmark: the colleague's answer decides in the member's place; what the step cannot honour changes nothing.</summary>
public sealed class HandOverTests : IAsyncLifetime
{
    private readonly NetworkEngine _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<ResumeResult> HandOverAsync(string from, HandOver handOver)
    {
        var request = (await _engine.RequestsAsync()).Last(r => r.RespondentEmail == from);
        return await _engine.Runtime.ResumeAsync(request.BookmarkId, handOver.ToStimulus());
    }

    [Fact]
    public async Task The_colleagues_vote_counts_in_the_members_place_and_the_decision_falls_as_it_would_have()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { quorum = "majority", decision = "join" }), 3);

        (await HandOverAsync(NetworkEngine.Email(1), new HandOver("Mari Maasikas", "mari@kool.example", null))).Status.Should().Be(ResumeStatus.Resumed);
        (await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = false })).Status.Should().NotBe(ResumeStatus.Resumed, "the member's own link closed");
        await _engine.AnswerAsync("mari@kool.example", new { join = true });
        (await _engine.ClosedAsync("ask", "after")).Should().Be((null, 0), "one yes of three is no majority");
        await _engine.AnswerAsync(NetworkEngine.Email(2), new { join = true });

        (await _engine.ClosedAsync("ask", "after")).Should().Be(("Done,Approved", 1));
        var ask = InstanceState.Read((await _engine.InstanceAsync()).State).Variables["ask"]!;
        (ask["asked"]!.GetValue<int>(), ask["answered"]!.GetValue<int>()).Should().Be((3, 2), "the colleague is asked instead of the member, not besides");
        var colleague = await _engine.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == "mari@kool.example"));
        colleague.Language.Should().Be("en", "the colleague is asked in the language of the request they took over");
    }

    [Fact]
    public async Task A_hand_over_to_someone_already_asked_is_refused_by_the_step_and_the_member_can_still_answer()
    {
        await _engine.LaunchAsync(StepFlows.Ask(new { quorum = "all" }), 2);
        var mailBefore = (await _engine.OutboxAsync()).Count;

        (await HandOverAsync(NetworkEngine.Email(1), new HandOver("Liige Kaks", NetworkEngine.Email(2).ToUpperInvariant(), "x"))).Status.Should().Be(ResumeStatus.Resumed);

        (await _engine.WithDbAsync(db => db.Members.CountAsync())).Should().Be(2);
        (await _engine.OutboxAsync()).Should().HaveCount(mailBefore, "nobody is mailed");
        (await _engine.RequestsAsync()).Should().OnlyContain(r => r.HandedOverAt == null && r.ClosedAt == null);
        (await _engine.AnswerAsync(NetworkEngine.Email(1), new { join = true })).Status.Should().Be(ResumeStatus.Resumed, "the request keeps a working link");
    }
}
