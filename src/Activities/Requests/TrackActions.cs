using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.History;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Requests;

/// <summary>
/// The execution stage (tegevuskava elluviimine): every action of the plan is followed to its due date. Its owner
/// gets a check-in with a personal link some days before the due date and reports progress there (done, on track,
/// late) as often as they like; an action not done by its due date is overdue: the owner is reminded and the
/// coordinator told, once. The step is Done when every action is done, or Timeout at its deadline.
/// </summary>
[Activity("TrackActions", Category = "Network",
    Outcomes = [ActivityResult.DoneOutcome, TimeoutOutcome])]
public sealed partial class TrackActions : PeopleStep
{
    private const string AnswerKey = "answer:";
    private const string CheckInKey = "checkin:";
    private const string OverdueKey = "overdue:";
    /// <summary>Check-ins and overdue notices go out at this local time, in working hours.</summary>
    private static readonly TimeOnly MorningAt = new(9, 0);

    [Input(UiHint = "duration")]
    public string CheckInBefore { get; set; } = "P3D";

    [Input]
    public string? Variable { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var network = await NetworkPeople.NetworkOfAsync(context);
        if (network is null) return ActivityResult.Fault(Words.Current["Requests.TrackActions.TrackActionsRunsOnlyInANetwork"].Value);
        // The plan's last answer may have added an action in this very transaction: what is loaded or added counts.
        await context.NetworkDb().ActionItems.Where(a => a.NetworkId == network.Id).LoadAsync();
        var actions = context.NetworkDb().ActionItems.Local.Where(a => a.NetworkId == network.Id && a.IsOpen).ToList();
        context.Data.Clear();
        if (actions.Count == 0)
        {
            context.Log("The plan has no open actions; nothing to follow.");
            return ActivityResult.Outcome(ActivityResult.DoneOutcome);
        }
        StartWaiting(context);
        var requests = new JsonObject();
        var sent = new List<OutboxMessage>();
        foreach (var action in actions)
        {
            var request = Ask(context, network, action);
            requests[request.Id.ToString()] = action.Id.ToString();
            var checkIn = Moment(action.DueOn, -IsoDuration.Parse(CheckInBefore));
            var overdue = OverdueMoment(action);
            // An action already overdue gets the overdue reminder (which asks the same), never a check-in beside it.
            if (overdue > context.Now && checkIn <= context.Now)
                sent.Add(RequestMail.ToRespondent(context, "step-request", request, NetworkPeople.CoordinatorOf(network), null, TimeZone));
            else if (overdue > context.Now) context.CreateBookmark(BookmarkKind.Timer, CheckInKey + action.Id, checkIn);
            context.CreateBookmark(BookmarkKind.Timer, OverdueKey + action.Id, overdue);
        }
        context.Data["requests"] = requests;
        if (sent.Count > 0) Outbox.DeliverAfterCommit(context, sent);
        context.Log($"Following {actions.Count} action(s) to their due dates.");
        await PublishAsync(context);
        return ActivityResult.Suspend();
    }

    protected override async ValueTask<ActivityResult> OnStepStimulusAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus)
    {
        var network = (await NetworkPeople.NetworkOfAsync(context))!;
        var key = bookmark.Key ?? "";
        if (key.StartsWith(CheckInKey, StringComparison.Ordinal))
        {
            await CheckInAsync(context, network, Guid.Parse(key[CheckInKey.Length..]));
            return ActivityResult.Suspend();
        }
        if (key.StartsWith(OverdueKey, StringComparison.Ordinal))
        {
            await OverdueAsync(context, network, Guid.Parse(key[OverdueKey.Length..]));
            await PublishAsync(context);
            return ActivityResult.Suspend();
        }
        return await OnReportAsync(context, network, bookmark, stimulus!["answer"]!.AsObject());
    }

    protected override async ValueTask<ActivityResult> OnDeadlineAsync(ActivityContext context) => await CloseAsync(context);

    private async Task<ActivityResult> OnReportAsync(ActivityContext context, Network network, Bookmark bookmark, JsonObject answer)
    {
        var requestId = Guid.Parse(bookmark.Key![AnswerKey.Length..]);
        var request = await context.NetworkDb().StepRequests.FirstAsync(r => r.Id == requestId);
        var action = await ActionOfAsync(context, requestId);
        request.Answer = answer.ToJsonString();
        request.AnsweredAt = context.Now;
        var status = answer["status"]?.ToString() switch
        {
            "done" => ActionStatus.Done,
            "late" => ActionStatus.Late,
            _ => ActionStatus.OnTrack,
        };
        action.Status = status;
        action.DoneAt = status == ActionStatus.Done ? context.Now : null;
        context.NetworkDb().ActionProgress.Add(new ActionProgress
        {
            ActionItemId = action.Id,
            At = context.Now,
            Status = status,
            Note = answer["progress"]?.ToString() is { Length: > 0 } note ? note : null,
        });
        if (status == ActionStatus.Late) AskForHelp(context, network, request, action, answer["progress"]?.ToString());
        if (status == ActionStatus.Done)
        {
            NetworkHistory.Add(context.Db, network.Id, context.Now, HistoryKind.ActionDone, HistoryActor.Respondent(request), new() { ["action"] = action.What, ["owner"] = action.OwnerName });
            foreach (var timer in context.OpenBookmarks.Where(b => b.Key == CheckInKey + action.Id || b.Key == OverdueKey + action.Id).ToList())
                context.RemoveBookmark(timer);
        }
        // A fresh bookmark keeps the link working: the owner reports again as the work goes on, until the step closes.
        request.BookmarkId = context.CreateBookmark(BookmarkKind.Response, bookmark.Key).Id;
        return await SettleAsync(context);
    }

    /// <summary>Actions have owners, not an audience: a member joining changes no action by itself.</summary>
    protected override Task AddMemberAsync(ActivityContext context, Guid memberId)
    {
        context.Log("'add-member' changes nothing while actions are followed.");
        return Task.CompletedTask;
    }

    /// <summary>A member leaving changes no action either: theirs stays in the plan under their name until the coordinator reassigns it.</summary>
    protected override Task RemoveMemberAsync(ActivityContext context, Guid memberId)
    {
        context.Log("'remove-member' changes nothing while actions are followed.");
        return Task.CompletedTask;
    }

    /// <summary>Each request is due with its action, not with the stage: a later stage deadline moves no action's due date.</summary>
    protected override Task OnDeadlineMovedAsync(ActivityContext context, DateTimeOffset deadline) => Task.CompletedTask;

    private async Task CheckInAsync(ActivityContext context, Network network, Guid actionId)
    {
        var request = await RequestOfAsync(context, actionId);
        var action = await ActionOfAsync(context, request.Id);
        // A check-in fired late (the host was down past the due date) leaves the asking to the overdue reminder.
        if (!action.IsOpen || OverdueMoment(action) <= context.Now) return;
        Outbox.DeliverAfterCommit(context, [RequestMail.ToRespondent(context, "step-request", request, NetworkPeople.CoordinatorOf(network), null, TimeZone)]);
    }

    private async Task OverdueAsync(ActivityContext context, Network network, Guid actionId)
    {
        var request = await RequestOfAsync(context, actionId);
        var action = await ActionOfAsync(context, request.Id);
        if (!action.IsOpen || action.EscalatedAt is not null) return;
        action.EscalatedAt = context.Now;
        var coordinator = NetworkPeople.CoordinatorOf(network);
        request.RemindersSent++;
        var reminder = RequestMail.ToRespondent(context, "step-reminder", request, coordinator,
            Localized.Text(l => Words.In(l)["Requests.TrackActions.TheActionWasDueOnPlease", DateText.InWords(action.DueOn, l)]), TimeZone);
        var notice = RequestMail.NoticeToCoordinator(context, network, coordinator,
            Localized.Text("Requests.TrackActions.AnActionIsOverdue"),
            Localized.Text(l => Words.In(l)["Requests.TrackActions.TheActionOwnerWasDueOn", action.What, action.OwnerName, DateText.InWords(action.DueOn, l)]));
        Outbox.DeliverAfterCommit(context, [reminder, notice]);
        NetworkHistory.Add(context.Db, network.Id, context.Now, HistoryKind.ActionOverdue, HistoryActor.System, new() { ["action"] = action.What, ["owner"] = action.OwnerName });
        context.Log("An action is overdue: its owner was reminded and the coordinator told.");
    }

    /// <summary>"Late, I need help" reaches the coordinator at once, with the owner's note; the page shows it until resolved.</summary>
    private static void AskForHelp(ActivityContext context, Network network, StepRequest request, ActionItem action, string? note)
    {
        var coordinator = NetworkPeople.CoordinatorOf(network);
        var notice = RequestMail.NoticeToCoordinator(context, network, coordinator,
            Localized.Text("Requests.TrackActions.NeedsHelp", action.OwnerName),
            Localized.Text(l => Words.In(l)["Requests.TrackActions.ReportedThatTheActionDueOn", action.OwnerName, action.What, DateText.InWords(action.DueOn, l), Said(note, l)]));
        Outbox.DeliverAfterCommit(context, [notice]);
        NetworkHistory.Add(context.Db, network.Id, context.Now, HistoryKind.HelpAsked, HistoryActor.Respondent(request), new() { ["action"] = action.What, ["owner"] = action.OwnerName });
    }

    /// <summary>The owner's note as the coordinator's notice quotes it.</summary>
    private static string Said(string? note, string language) => string.IsNullOrWhiteSpace(note)
        ? Words.In(language)["Actions.NoNoteAdded"]
        : Words.In(language)["Actions.Note", note.Trim()];

    protected override string Silent => "owner(s) of actions not done";

    protected override async Task<int> RemindSilentAsync(ActivityContext context, LocalizedText? note)
    {
        var coordinator = NetworkPeople.CoordinatorOf((await NetworkPeople.NetworkOfAsync(context))!);
        var sent = new List<OutboxMessage>();
        foreach (var request in await OpenRequests.OfAsync(context))
        {
            if ((await ActionOfAsync(context, request.Id)).Status == ActionStatus.Done) continue;
            request.RemindersSent++;
            sent.Add(RequestMail.ToRespondent(context, "step-reminder", request, coordinator, note, TimeZone));
        }
        Outbox.DeliverAfterCommit(context, sent);
        return sent.Count;
    }

    protected override async Task<ActivityResult> SettleAsync(ActivityContext context)
    {
        var actions = await ActionsAsync(context);
        if (actions.All(a => a.Status == ActionStatus.Done)) return await CloseAsync(context);
        await PublishAsync(context);
        return ActivityResult.Suspend();
    }

    protected override async Task<ActivityResult> CloseAsync(ActivityContext context)
    {
        var actions = await ActionsAsync(context);
        foreach (var request in await OpenRequests.OfAsync(context)) request.ClosedAt = context.Now;
        var done = actions.Count(a => a.Status == ActionStatus.Done);
        if (actions.Count > 0)
        {
            await PublishAsync(context);
            NetworkHistory.Add(context.Db, actions[0].NetworkId, context.Now, HistoryKind.ExecutionEnded, HistoryActor.System, new() { ["done"] = done, ["actions"] = actions.Count });
        }
        return ActivityResult.Outcome(done == actions.Count ? ActivityResult.DoneOutcome : TimeoutOutcome);
    }

    private StepRequest Ask(ActivityContext context, Network network, ActionItem action)
    {
        var request = new StepRequest
        {
            NetworkId = network.Id,
            MemberId = action.OwnerMemberId,
            RespondentName = action.OwnerName,
            RespondentEmail = network.Members.FirstOrDefault(m => m.Id == action.OwnerMemberId)?.Email ?? network.CoordinatorEmail,
            Language = network.Members.FirstOrDefault(m => m.Id == action.OwnerMemberId)?.Language ?? network.Language,
            InstanceId = context.Instance.Id,
            ActivityId = context.Activity.Id,
            Form = FormOf(network, action),
            CreatedAt = context.Now,
            Deadline = Moment(action.DueOn, TimeSpan.Zero),
        };
        request.BookmarkId = context.CreateBookmark(BookmarkKind.Response, AnswerKey + request.Id).Id;
        context.NetworkDb().StepRequests.Add(request);
        return request;
    }

    /// <summary>The owner's question about their action, its words and due date as they stand.</summary>
    private static string FormOf(Network network, ActionItem action)
    {
        return new RequestForm(
            Localized.Text("Requests.TrackActions.HowIsYourActionGoing", action.What),
            Localized.Text(l => Words.In(l)["Requests.TrackActions.DueOnMarkItDoneWhen", DateText.InWords(action.DueOn, l)]),
            ProgressFields, network.Name, network.CoordinatorName, network.CoordinatorEmail).ToJson();
    }

    private static readonly IReadOnlyList<FormField> ProgressFields =
    [
        new FormField
        {
            Name = "status", Type = FieldType.Choice, Required = true, Label = Localized.Text("WorkSheets.WorkSheetBuilder.Status2"),
            Options =
            [
                new FieldOption("done", Localized.Text("Requests.TrackActions.Done")),
                new FieldOption("ontrack", Localized.Text("Requests.TrackActions.OnTrack")),
                new FieldOption("late", Localized.Text("Requests.TrackActions.LateINeedHelp")),
            ],
        },
        new FormField { Name = "progress", Type = FieldType.LongText, Label = Localized.Text("Requests.TrackActions.WhatIsDoneWhatIsIn") },
    ];

    /// <summary>The morning after the due date: an action is due all of its day.</summary>
    private DateTimeOffset OverdueMoment(ActionItem action) => Moment(action.DueOn.AddDays(1), TimeSpan.Zero);

    /// <summary>A due date's moment: the morning of that day in the step's time zone, moved by the offset.</summary>
    private DateTimeOffset Moment(DateOnly day, TimeSpan offset)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = day.ToDateTime(MorningAt) + offset;
        var moment = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return QuietHours ? Timers.QuietHours.Default(QuietWeekends, TimeZone).NextAllowed(moment) : moment;
    }

    private static async Task<StepRequest> RequestOfAsync(ActivityContext context, Guid actionId)
    {
        var requestId = context.Data["requests"]!.AsObject().First(p => p.Value!.GetValue<string>() == actionId.ToString()).Key;
        return await context.NetworkDb().StepRequests.FirstAsync(r => r.Id == Guid.Parse(requestId));
    }

    private static async Task<ActionItem> ActionOfAsync(ActivityContext context, Guid requestId)
    {
        var actionId = Guid.Parse(context.Data["requests"]![requestId.ToString()]!.GetValue<string>());
        return (await context.NetworkDb().ActionItems.FindAsync(actionId))!;
    }

    private static async Task<List<ActionItem>> ActionsAsync(ActivityContext context)
    {
        var ids = context.Data["requests"]!.AsObject().Select(p => Guid.Parse(p.Value!.GetValue<string>())).ToList();
        await context.NetworkDb().ActionItems.Where(a => ids.Contains(a.Id)).LoadAsync();
        return context.NetworkDb().ActionItems.Local.Where(a => ids.Contains(a.Id)).ToList();
    }

    /// <summary>Where the plan stands, for later steps and conditions: how many actions, done, late, overdue.</summary>
    private async Task PublishAsync(ActivityContext context)
    {
        var actions = await ActionsAsync(context);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
        context.Variables[Variable ?? context.Activity.Id] = new JsonObject
        {
            ["actions"] = actions.Count,
            ["done"] = actions.Count(a => a.Status == ActionStatus.Done),
            ["late"] = actions.Count(a => a.Status == ActionStatus.Late),
            ["overdue"] = new JsonArray(actions.Where(a => a.IsOverdue(today)).Select(a => (JsonNode)$"{a.What} ({a.OwnerName})").ToArray()),
        };
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        foreach (var problem in base.Validate(context)) yield return problem;
        if (!IsoDuration.TryParse(CheckInBefore, out var before) || before < TimeSpan.Zero)
            yield return new(context.InputPath("checkInBefore"), Words.Current["Requests.TrackActions.IsNotADurationSuchAs", CheckInBefore].Value);
    }
}
