using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Agreements;
using Koostoo.Networks.Goals;
using Koostoo.Networks.History;
using Koostoo.Networks.Information;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Activities.Requests;
using Koostoo.Workflows.Journal;
using Koostoo.Service.Access;
using Koostoo.Service.Meetings;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

public sealed record MemberView(Guid Id, string Name, string? Organisation, Sector Sector, string Email, string? Phone, string Language, string? Role, MemberStatus Status);

public sealed record RespondentView(Guid RequestId, Guid? MemberId, string Name, bool Answered, DateTimeOffset? AnsweredAt, int RemindersSent);

/// <summary>A step that waits for people: who has answered and who is silent.</summary>
public sealed record OpenStepView(string ActivityId, string Question, DateTimeOffset? Deadline, int Asked, int Answered,
    IReadOnlyList<RespondentView> Respondents);

public enum StageState
{
    Done,
    Current,
    Ahead,
}

/// <summary>One stage of the definition version the network runs on, in the definition's order.</summary>
public sealed record StageView(string Id, LocalizedText Name, StageState State);

/// <summary>The latest draft of the goal, whatever its status: the coordinator sees what is being voted on, and each vote with its reason.</summary>
public sealed record GoalView(int Draft, string Problem, string Specific, string Measurable, string Ambitious, string Realistic,
    DateOnly? TimeBound, GoalStatus Status, int VotesFor, int VotesAgainst, DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt,
    IReadOnlyList<VoteView> Votes);

/// <summary>A member's vote on the draft and the reason they gave (what to change, when against).</summary>
public sealed record VoteView(Guid? MemberId, string Name, bool Approve, string? Reason, DateTimeOffset At);

/// <summary>What one member's field knows and offers (the information stage).</summary>
public sealed record ContributionView(Guid? MemberId, string Name, Sector Sector, string SectorName, string Knows, string? Offers, DateTimeOffset GivenAt);

/// <summary>A colleague a member suggested; invited once the coordinator added them (then <c>InvitedMemberId</c> is set).</summary>
public sealed record SuggestionView(Guid Id, string SuggestedBy, string Colleague, string? Name, string? Email, DateTimeOffset SuggestedAt, Guid? InvitedMemberId);

/// <summary>An action of the plan; overdue when past its due date (Estonian time) and not done.</summary>
public sealed record ActionView(Guid Id, string What, Guid? OwnerMemberId, string OwnerName, DateOnly DueOn, string? Needs,
    ActionStatus Status, bool Overdue, DateTimeOffset? DoneAt, DateTimeOffset? EscalatedAt);

/// <param name="Attendees">Every active member with their calendar's answer to this version of the meeting.</param>
public sealed record MeetingView(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineLink,
    IReadOnlyList<Attendee> Attendees);

/// <summary>A history entry as read in one language: who did it (null for the system) and the line naming them.</summary>
public sealed record HistoryView(DateTimeOffset At, string? Actor, string Text);

/// <param name="Stages">Every stage of the version it runs on, done, current or ahead: its place on a timeline.</param>
public sealed record NetworkSummary(Guid Id, string Name, NetworkType Type, NetworkStatus Status, string? Stage, LocalizedText? StageName,
    int Members, string CoordinatorName, DateTimeOffset CreatedAt, IReadOnlyList<StageView> Stages);

public sealed record NetworkDetail(
    Guid Id, string Name, string Purpose, NetworkType Type, NetworkLevel Level, string? TargetGroup, string? LeadOrganisation,
    string? StrategyReference, string CoordinatorName, string CoordinatorEmail, string Language, bool Confidential,
    NetworkStatus Status, Guid? WorkflowInstanceId, string WorkflowDefinitionId, int? WorkflowVersion, InstanceStatus? WorkflowStatus,
    string? Stage, IReadOnlyList<StageView> Stages, IReadOnlyList<MemberView> Members, IReadOnlyList<OpenStepView> OpenSteps,
    IReadOnlyList<string> Agreements, GoalView? Goal, IReadOnlyList<ActionView> Actions, IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<HistoryView> History, DateTimeOffset CreatedAt,
    IReadOnlyList<ContributionView> Contributions, IReadOnlyList<SuggestionView> Suggestions, IReadOnlyList<HelpView> HelpRequests);

/// <summary>Reads networks for the coordinator: what stage, which step waits, who has and has not answered, what was agreed and done.</summary>
public sealed class NetworkReader(WorkflowDbContext db, NetworkAccess access, DefinitionStore definitions, ActionHelp help, TimeProvider time)
{
    /// <param name="coordinatorEmail">Only the networks this coordinator leads (no accounts yet, so the address stands in for "mine").</param>
    public async Task<IReadOnlyList<NetworkSummary>> ListAsync(Actor actor, string? coordinatorEmail = null, CancellationToken ct = default)
    {
        var query = access.Readable(actor).AsNoTracking().Include(n => n.Members).AsQueryable();
        if (!string.IsNullOrWhiteSpace(coordinatorEmail))
        {
            var email = coordinatorEmail.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); the culture and StringComparison overloads have no translation.
            query = query.Where(n => n.CoordinatorEmail.ToLower() == email);
#pragma warning restore CA1304, CA1311, CA1862
        }
        var networks = await query.OrderByDescending(n => n.CreatedAt).ToListAsync(ct);
        var ids = networks.Select(n => n.WorkflowInstanceId).ToList();
        var instances = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var summaries = new List<NetworkSummary>();
        foreach (var n in networks)
        {
            var instance = n.WorkflowInstanceId is { } id ? instances.GetValueOrDefault(id) : null;
            var stages = instance is null ? [] : await StagesOfAsync(instance, ct);
            summaries.Add(new NetworkSummary(n.Id, n.Name, n.Type, n.Status, instance?.CurrentStage, stages.FirstOrDefault(s => s.Id == instance!.CurrentStage)?.Name,
                n.Members.Count(m => m.IsActive), n.CoordinatorName, n.CreatedAt, stages));
        }
        return summaries;
    }

    /// <param name="language">The reader's language (et, en, ru) for the history and the steps' questions; any other reads Estonian.</param>
    public async Task<NetworkDetail> GetAsync(Actor actor, Guid id, string language = "et", CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, id, NetworkPermission.Read, ct: ct);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == network.WorkflowInstanceId, ct);
        var requests = await db.Set<StepRequest>().AsNoTracking()
            .Where(r => r.NetworkId == id && r.ClosedAt == null && r.InstanceId == network.WorkflowInstanceId)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var waiting = await WaitingSteps.OfAsync(db, network.WorkflowInstanceId, ct);
        var steps = requests.Where(r => waiting.Contains(r.ActivityId)).GroupBy(r => r.ActivityId).Select(g =>
        {
            var form = RequestForm.FromJson(g.First().Form);
            return new OpenStepView(g.Key, form.Question.In(language), g.First().Deadline, g.Count(), g.Count(r => r.Answer is not null),
                g.Select(r => new RespondentView(r.Id, r.MemberId, r.RespondentName, r.Answer is not null, r.AnsweredAt, r.RemindersSent)).ToList());
        }).ToList();

        var agreements = await db.Set<GroupAgreement>().AsNoTracking().Where(a => a.NetworkId == id).OrderBy(a => a.Position)
            .Select(a => a.Text).ToListAsync(ct);
        var goal = await db.Set<Goal>().AsNoTracking().Where(g => g.NetworkId == id).OrderByDescending(g => g.Draft).FirstOrDefaultAsync(ct);
        var votes = goal is null ? [] : (await db.Set<GoalVote>().AsNoTracking().Where(v => v.NetworkId == id && v.Draft == goal.Draft).ToListAsync(ct))
            .OrderBy(v => v.Approve).ThenBy(v => v.VotedAt)
            .Select(v => new VoteView(v.MemberId, v.RespondentName, v.Approve, v.Reason, v.VotedAt)).ToList();
        var contributions = (await db.Set<Contribution>().AsNoTracking().Where(c => c.NetworkId == id).ToListAsync(ct))
            .OrderBy(c => c.Sector).ThenBy(c => c.GivenAt)
            .Select(c => new ContributionView(c.MemberId, c.RespondentName, c.Sector, SectorNames.In(c.Sector, language), c.Knows, c.Offers, c.GivenAt)).ToList();
        var suggestions = (await db.Set<ColleagueSuggestion>().AsNoTracking().Where(s => s.NetworkId == id).ToListAsync(ct))
            .OrderBy(s => s.SuggestedAt)
            .Select(s =>
            {
                var (name, email) = SuggestedColleague.Parse(s.Colleague);
                return new SuggestionView(s.Id, s.SuggestedBy, s.Colleague, name, email, s.SuggestedAt, s.InvitedMemberId);
            }).ToList();
        var today = NetworkTime.Today(time.GetUtcNow());
        var actions = await db.Set<ActionItem>().AsNoTracking().Where(a => a.NetworkId == id).ToListAsync(ct);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.NetworkId == id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var attendees = await MeetingAttendees.OfAsync(db, network, meetings, ct);
        var history = (await db.Set<HistoryEntry>().AsNoTracking().Where(h => h.NetworkId == id).OrderByDescending(h => h.Id).ToListAsync(ct))
            .Select(h => new HistoryView(h.At, HistoryText.ActorOf(h, language), HistoryText.Of(h, language))).ToList();

        return new NetworkDetail(network.Id, network.Name, network.Purpose, network.Type, network.Level, network.TargetGroup,
            network.LeadOrganisation, network.StrategyReference, network.CoordinatorName, network.CoordinatorEmail, network.Language,
            network.Confidential, network.Status, network.WorkflowInstanceId, network.WorkflowDefinitionId, instance?.DefinitionVersion,
            instance?.Status, instance?.CurrentStage, instance is null ? [] : await StagesOfAsync(instance, ct),
            network.Members.OrderBy(m => m.AddedAt).Select(m => new MemberView(m.Id, m.Name, m.Organisation, m.Sector, m.Email, m.Phone, m.Language, m.RoleIn(language), m.Status)).ToList(),
            steps, agreements,
            goal is null ? null : new GoalView(goal.Draft, goal.Problem, goal.Specific, goal.Measurable, goal.Ambitious, goal.Realistic,
                goal.TimeBound, goal.Status, goal.VotesFor, goal.VotesAgainst, goal.ProposedAt, goal.DecidedAt, votes),
            actions.OrderBy(a => a.DueOn).ThenBy(a => a.OwnerName).Select(a => new ActionView(a.Id, a.What, a.OwnerMemberId, a.OwnerName,
                a.DueOn, a.Needs, a.Status, a.IsOverdue(today), a.DoneAt, a.EscalatedAt)).ToList(),
            meetings.Select(m => new MeetingView(m.Id, m.Title, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink, attendees[m.Id])).ToList(),
            history, network.CreatedAt, contributions, suggestions, await help.OpenAsync(id, ct));
    }

    /// <summary>The engine's journal of the network's workflow, oldest first: what ran, for the coordinator who wants to know why.</summary>
    public async Task<IReadOnlyList<JournalView>> JournalAsync(Actor actor, Guid networkId, CancellationToken ct = default)
    {
        var instanceId = (await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct)).WorkflowInstanceId;
        return await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id)
            .Select(j => new JournalView(j.At, j.Event, j.ActivityId, j.ActivityType, j.Outcome, j.Message))
            .ToListAsync(ct);
    }

    /// <summary>Every step of a network's workflow that asked people, in the order it asked them.</summary>
    public async Task<IReadOnlyList<AnswerChart>> AnswerChartsAsync(Actor actor, Guid networkId, string language, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct);
        var requests = await db.Set<StepRequest>().AsNoTracking()
            // A request handed to a colleague is counted once, as the colleague's.
            .Where(r => r.NetworkId == networkId && r.InstanceId == network.WorkflowInstanceId && r.HandedOverAt == null)
            .Select(r => new { r.ActivityId, r.Form, r.CreatedAt, r.AnsweredAt, r.Deadline, r.ClosedAt }).ToListAsync(ct);
        var reminders = (await db.Journal.AsNoTracking()
                .Where(j => j.InstanceId == network.WorkflowInstanceId && j.Event == JournalEvent.Note && j.ActivityId != null)
                .Select(j => new { j.ActivityId, j.At, j.Message }).ToListAsync(ct))
            .Where(j => PeopleStep.IsReminderNote(j.Message)).ToLookup(j => j.ActivityId!, j => j.At);
        return requests.GroupBy(r => r.ActivityId).Select(step =>
        {
            var asked = step.Min(r => r.CreatedAt);
            return new AnswerChart(step.Key, RequestForm.FromJson(step.First().Form).Question.In(language), asked,
                step.Max(r => r.Deadline), step.All(r => r.ClosedAt is not null) ? step.Max(r => r.ClosedAt) : null, step.Count(),
                step.Where(r => r.AnsweredAt is not null).Select(r => r.AnsweredAt!.Value).Order().ToList(),
                reminders[step.Key].Where(at => at >= asked).Order().ToList());
        }).OrderBy(c => c.AskedAt).ToList();
    }

    /// <summary>
    /// The stages of the version the instance runs on (a later published version may have others): those before the
    /// current one are done; a finished instance has done them all.
    /// </summary>
    private async Task<IReadOnlyList<StageView>> StagesOfAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var definition = await definitions.GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        var current = definition.Stages.Select(s => s.Id).ToList().IndexOf(instance.CurrentStage ?? "");
        return definition.Stages.Select((s, i) => new StageView(s.Id, s.Name,
            instance.Status == InstanceStatus.Finished || (current >= 0 && i < current) ? StageState.Done
            : i == current ? StageState.Current
            : StageState.Ahead)).ToList();
    }
}
