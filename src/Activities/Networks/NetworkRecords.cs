using System.Globalization;
using System.Text.Json.Nodes;
using Koostoo.Activities.Requests;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Evaluation;
using Koostoo.Networks.Goals;
using Koostoo.Networks.History;
using Koostoo.Networks.Information;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Networks;

/// <summary>
/// Turns the answers of a stage's step into the network's records (AskMembers' <c>record</c> input), in the step's
/// own transaction: the colleagues suggested at the invitation, roles and accepted agreements on the members, what each
/// field knows and offers, the goal's drafts and the members' votes (with their reasons) and decision, the action
/// plan's items, the feedback, a review's ratings. The form's field names are the contract, listed per kind in <see cref="Fields"/>.
/// A changed answer updates the record it made, never adds a second.
/// </summary>
public static class NetworkRecords
{
    public const string Suggestions = "suggestions";
    public const string Roles = "roles";
    public const string Information = "information";
    public const string Goal = "goal";
    public const string GoalDecision = "goal-decision";
    public const string Plan = "plan";
    public const string Feedback = "feedback";
    public const string Review = "review";

    public static readonly string[] Kinds = [Suggestions, Roles, Information, Goal, GoalDecision, Plan, Feedback, Review];

    /// <summary>The fields each kind reads; a definition that records without them is refused at load.</summary>
    public static IReadOnlyList<string> Fields(string kind) => kind switch
    {
        Suggestions => ["colleague"],
        Roles => ["role", "agree"],
        Information => ["knows"],
        Goal => ["problem", "specific", "measurable", "ambitious", "realistic", "timebound"],
        GoalDecision => [],
        Plan => ["action", "due", "confirm"],
        Feedback => ["goalReached", "cooperation", "satisfaction"],
        Review => [.. NetworkFunction.All.Select(f => f.Field)],
        _ => [],
    };

    /// <param name="decision">The step's yes/no decision field, for the goal's votes.</param>
    public static async Task OnAnswerAsync(string? kind, ActivityContext context, StepRequest request, JsonObject answer, string? decision = null)
    {
        switch (kind)
        {
            case Roles when request.MemberId is { } memberId:
                var member = await context.NetworkDb().Members.FirstAsync(m => m.Id == memberId);
                var option = RequestForm.FromJson(request.Form).Fields.FirstOrDefault(f => f.Name == "role")?.Options.FirstOrDefault(o => o.Value == Text(answer, "role"));
                member.Role = await RoleNameAsync(context, request, Text(answer, "role"));
                member.RoleNames = option is null ? null : NetworkHistory.Localized(option.Label).ToJsonString();
                member.AgreementsAcceptedAt = answer["agree"]?.GetValue<bool>() == true ? context.Now : null;
                break;
            case Goal:
                var drafts = await context.NetworkDb().Goals.CountAsync(g => g.NetworkId == request.NetworkId);
                context.NetworkDb().Goals.Add(new Goal
                {
                    NetworkId = request.NetworkId,
                    Draft = drafts + 1,
                    Problem = Text(answer, "problem") ?? "",
                    Specific = Text(answer, "specific") ?? "",
                    Measurable = Text(answer, "measurable") ?? "",
                    Ambitious = Text(answer, "ambitious") ?? "",
                    Realistic = Text(answer, "realistic") ?? "",
                    TimeBound = Date(answer, "timebound"),
                    ProposedAt = context.Now,
                });
                NetworkHistory.Add(context.Db, request.NetworkId, context.Now, HistoryKind.GoalDraftProposed, HistoryActor.Respondent(request), new() { ["draft"] = drafts + 1 });
                break;
            case Plan:
                await RecordActionAsync(context, request, answer);
                break;
            case Suggestions:
                await RecordSuggestionAsync(context, request, answer);
                break;
            case Information:
                await RecordContributionAsync(context, request, answer);
                break;
            case GoalDecision:
                await RecordVoteAsync(context, request, answer, decision);
                break;
            case Review:
                await RecordReviewAnswerAsync(context, request, answer);
                break;
            case Feedback:
                var feedback = await context.NetworkDb().Feedback.FirstOrDefaultAsync(f => f.SourceRequestId == request.Id);
                if (feedback is null)
                    context.NetworkDb().Feedback.Add(feedback = new Feedback { NetworkId = request.NetworkId, RespondentName = request.RespondentName, SourceRequestId = request.Id });
                feedback.MemberId = request.MemberId;
                feedback.GoalReached = Score(answer, "goalReached");
                feedback.CooperationQuality = Score(answer, "cooperation");
                feedback.Satisfaction = Score(answer, "satisfaction");
                feedback.ResourcesUsed = Text(answer, "resources");
                feedback.Comment = Text(answer, "comment");
                feedback.GivenAt = context.Now;
                break;
        }
    }

    public static async Task OnCloseAsync(string? kind, ActivityContext context, Guid networkId, StepTally tally)
    {
        if (kind == Review)
        {
            await CloseReviewAsync(context, networkId, tally);
            return;
        }
        if (kind != GoalDecision) return;
        // The goal put to the vote is the latest draft; run in the same transaction as its own recording, so the
        // draft just added (not saved yet) is looked at too.
        var goal = context.NetworkDb().Goals.Local.Where(g => g.NetworkId == networkId).MaxBy(g => g.Draft)
            ?? await context.NetworkDb().Goals.Where(g => g.NetworkId == networkId).OrderByDescending(g => g.Draft).FirstOrDefaultAsync();
        if (goal is null || goal.Status != GoalStatus.Proposed) return;
        goal.Status = tally.Approved ? GoalStatus.Approved : GoalStatus.Rejected;
        goal.VotesFor = tally.Yes;
        goal.VotesAgainst = tally.No;
        goal.DecidedAt = context.Now;
        NetworkHistory.Add(context.Db, networkId, context.Now, tally.Approved ? HistoryKind.GoalApproved : HistoryKind.GoalNotApproved, HistoryActor.System,
            new() { ["for"] = tally.Yes, ["against"] = tally.No });
    }

    /// <summary>A member's ratings in the review this instance runs; a changed answer replaces them.</summary>
    private static async Task RecordReviewAnswerAsync(ActivityContext context, StepRequest request, JsonObject answer)
    {
        var db = context.NetworkDb();
        var review = await db.Reviews.FirstAsync(r => r.WorkflowInstanceId == context.Instance.Id);
        var rating = await db.ReviewAnswers.FirstOrDefaultAsync(a => a.SourceRequestId == request.Id);
        if (rating is null)
            db.ReviewAnswers.Add(rating = new ReviewAnswer
            {
                ReviewId = review.Id, NetworkId = request.NetworkId, MemberId = request.MemberId, RespondentName = request.RespondentName, SourceRequestId = request.Id,
            });
        var member = request.MemberId is { } memberId ? await db.Members.FirstOrDefaultAsync(m => m.Id == memberId) : null;
        rating.Sector = member?.Sector ?? Sector.Other;
        foreach (var function in NetworkFunction.All) function.SetScore(rating, Score(answer, function.Field));
        rating.Expectations = Text(answer, "expectations");
        rating.GivenAt = context.Now;
    }

    private static async Task CloseReviewAsync(ActivityContext context, Guid networkId, StepTally tally)
    {
        var review = await context.NetworkDb().Reviews.FirstAsync(r => r.WorkflowInstanceId == context.Instance.Id);
        review.ClosedAt = context.Now;
        review.Asked = tally.Asked;
        NetworkHistory.Add(context.Db, networkId, context.Now, HistoryKind.ReviewClosed, HistoryActor.System,
            new() { ["number"] = review.Number, ["answered"] = tally.Answered, ["asked"] = tally.Asked });
    }

    /// <summary>A colleague suggested in one's place; an answer changed to no suggestion takes it back (unless already invited).</summary>
    private static async Task RecordSuggestionAsync(ActivityContext context, StepRequest request, JsonObject answer)
    {
        var suggestion = await context.NetworkDb().ColleagueSuggestions.FirstOrDefaultAsync(s => s.SourceRequestId == request.Id);
        var colleague = Text(answer, "colleague")?.Trim();
        if (colleague is null)
        {
            if (suggestion is { InvitedMemberId: null }) context.NetworkDb().ColleagueSuggestions.Remove(suggestion);
            return;
        }
        if (suggestion is null)
            context.NetworkDb().ColleagueSuggestions.Add(suggestion = new ColleagueSuggestion
            {
                NetworkId = request.NetworkId, SuggestedByMemberId = request.MemberId, SuggestedBy = request.RespondentName, Colleague = colleague,
                SourceRequestId = request.Id,
            });
        suggestion.Colleague = colleague.Length > 500 ? colleague[..500] : colleague;
        suggestion.SuggestedAt = context.Now;
    }

    private static async Task RecordContributionAsync(ActivityContext context, StepRequest request, JsonObject answer)
    {
        var contribution = await context.NetworkDb().Contributions.FirstOrDefaultAsync(c => c.SourceRequestId == request.Id);
        if (contribution is null)
            context.NetworkDb().Contributions.Add(contribution = new Contribution
            {
                NetworkId = request.NetworkId, MemberId = request.MemberId, RespondentName = request.RespondentName, Knows = "", SourceRequestId = request.Id,
            });
        var member = request.MemberId is { } memberId ? await context.NetworkDb().Members.FirstOrDefaultAsync(m => m.Id == memberId) : null;
        contribution.Sector = member?.Sector ?? Sector.Other;
        contribution.Knows = Text(answer, "knows") ?? "";
        contribution.Offers = Text(answer, "offers");
        contribution.GivenAt = context.Now;
    }

    /// <summary>A vote on the latest draft (the one put to the vote), with the reason given in any long-text field.</summary>
    private static async Task RecordVoteAsync(ActivityContext context, StepRequest request, JsonObject answer, string? decision)
    {
        if (decision is null || answer[decision] is not JsonValue value || !value.TryGetValue<bool>(out var approve)) return;
        var form = RequestForm.FromJson(request.Form);
        var reason = form.Fields.Where(f => f.Type is FieldType.LongText or FieldType.Text).Select(f => Text(answer, f.Name)).FirstOrDefault(t => t is not null);
        var draft = context.NetworkDb().Goals.Local.Where(g => g.NetworkId == request.NetworkId).MaxBy(g => g.Draft)?.Draft
            ?? await context.NetworkDb().Goals.Where(g => g.NetworkId == request.NetworkId).MaxAsync(g => (int?)g.Draft) ?? 0;
        var vote = await context.NetworkDb().GoalVotes.FirstOrDefaultAsync(v => v.SourceRequestId == request.Id);
        if (vote is null)
            context.NetworkDb().GoalVotes.Add(vote = new GoalVote
            {
                NetworkId = request.NetworkId, MemberId = request.MemberId, RespondentName = request.RespondentName, SourceRequestId = request.Id,
            });
        vote.Draft = draft;
        vote.Approve = approve;
        vote.Reason = reason;
        vote.VotedAt = context.Now;
    }

    /// <summary>A member's action in the plan: theirs once they confirm they take it on; unconfirmed, it is not in the plan.</summary>
    private static async Task RecordActionAsync(ActivityContext context, StepRequest request, JsonObject answer)
    {
        var action = await context.NetworkDb().ActionItems.FirstOrDefaultAsync(a => a.SourceRequestId == request.Id);
        var confirmed = answer["confirm"]?.GetValue<bool>() != false;
        if (!confirmed)
        {
            if (action is not null) context.NetworkDb().ActionItems.Remove(action);
            return;
        }
        if (action is null)
            context.NetworkDb().ActionItems.Add(action = new ActionItem
            {
                NetworkId = request.NetworkId,
                What = "",
                OwnerName = request.RespondentName,
                SourceRequestId = request.Id,
            });
        action.What = Text(answer, "action") ?? "";
        action.OwnerMemberId = request.MemberId;
        action.DueOn = Date(answer, "due") ?? DateOnly.FromDateTime(context.Now.UtcDateTime);
        action.Needs = Text(answer, "needs");
        action.ConfirmedAt = context.Now;
    }

    /// <summary>
    /// The role as the coordinator reads it on the member list and the work sheet: the chosen option's label in the
    /// network's language ("Protokollija", not "notes"); a role typed as free text stays as typed.
    /// </summary>
    private static async Task<string?> RoleNameAsync(ActivityContext context, StepRequest request, string? value)
    {
        var option = RequestForm.FromJson(request.Form).Fields.FirstOrDefault(f => f.Name == "role")?.Options.FirstOrDefault(o => o.Value == value);
        if (option is null) return value;
        var network = await context.NetworkDb().Networks.FindAsync(request.NetworkId);
        return option.Label.In(network?.Language);
    }

    private static string? Text(JsonObject answer, string field) => answer[field]?.ToString() is { Length: > 0 } text ? text : null;

    private static DateOnly? Date(JsonObject answer, string field) =>
        DateOnly.TryParseExact(Text(answer, field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static int Score(JsonObject answer, string field) => int.TryParse(Text(answer, field), out var score) ? score : 0;
}
