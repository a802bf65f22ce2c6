using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Requests;

/// <summary>
/// Puts a question to people of the network: each gets an email with a personal link and answers on a small page.
/// The step closes when its quorum is reached (Done; for a yes/no decision also Approved or Rejected) or at its
/// deadline, where it continues (Timeout), escalates to the coordinator, or extends once. Reminders go only to
/// those who have not answered. Answers become the variable named by <c>variable</c> (the activity id by default).
/// </summary>
[Activity("AskMembers", Category = "Network",
    Outcomes = [ActivityResult.DoneOutcome, TimeoutOutcome, ApprovedOutcome, RejectedOutcome])]
public sealed partial class AskMembers : PeopleStep
{
    public const string ApprovedOutcome = "Approved";
    public const string RejectedOutcome = "Rejected";
    private const string AnswerKey = "answer:";

    [Input(Required = true, UiHint = "list")]
    public List<string> Audience { get; set; } = ["members"];

    [Input(Required = true)]
    public LocalizedText? Question { get; set; }

    [Input(UiHint = "multiline")]
    public LocalizedText? Context { get; set; }

    [Input(Required = true, UiHint = "formFields")]
    public List<FormField> Fields { get; set; } = [];

    [Input]
    public string Quorum { get; set; } = "all";

    [Input(UiHint = "select", Options = ["continue", "escalate", "extend"])]
    public string OnDeadline { get; set; } = "continue";

    [Input(UiHint = "duration")]
    public string? ExtendBy { get; set; }

    /// <summary>
    /// The yes/no field whose answers decide Approved or Rejected. Only when named: an invitation's "I take part"
    /// is a yes/no field too, and one member declining must not close it for everyone.
    /// </summary>
    [Input]
    public string? Decision { get; set; }

    [Input]
    public string? Variable { get; set; }

    /// <summary>
    /// A choice or yes/no field whose answer sets the member's status in the network, by <see cref="MemberStatus"/>:
    /// an invitation declined takes the member out of the next steps.
    /// </summary>
    [Input]
    public string? StatusField { get; set; }

    /// <summary>Answer value to status (Invited, Accepted, Declined, Left), e.g. { "accept": "Accepted", "decline": "Declined" }; yes/no answers are "yes" and "no".</summary>
    [Input(UiHint = "json")]
    public Dictionary<string, Koostoo.Networks.Members.MemberStatus>? MemberStatus { get; set; }

    /// <summary>Which of the network's records the answers make (<see cref="NetworkRecords"/>): suggestions, roles, information, goal, goal-decision, plan, feedback, review.</summary>
    [Input(UiHint = "select", Options = ["", NetworkRecords.Suggestions, NetworkRecords.Roles, NetworkRecords.Information, NetworkRecords.Goal, NetworkRecords.GoalDecision, NetworkRecords.Plan, NetworkRecords.Feedback, NetworkRecords.Review])]
    public string? Record { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var network = await NetworkPeople.NetworkOfAsync(context);
        if (network is null) return ActivityResult.Fault(Words.Current["Requests.AskMembers.AskMembersRunsOnlyInANetwork"].Value);
        var resolution = RecipientResolver.Resolve(Audience, NetworkPeople.Of(network));
        if (resolution.Problems.Count > 0) return ActivityResult.Fault(string.Join(" ", resolution.Problems));
        if (resolution.Recipients.Count == 0)
            return ActivityResult.Fault(Words.Current["Requests.AskMembers.NobodyToAskMatchesNoActive", string.Join(", ", Audience)].Value);

        context.Data.Clear();
        StartWaiting(context);
        var deadline = DeadlineOf(context);
        var sent = resolution.Recipients.Select(r => Ask(context, network, r, resolution.Coordinator, deadline)).ToList();
        Outbox.DeliverAfterCommit(context, sent);
        await PublishAsync(context, closed: false);
        return ActivityResult.Suspend();
    }

    protected override async ValueTask<ActivityResult> OnStepStimulusAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus)
    {
        var requestId = Guid.Parse(bookmark.Key![AnswerKey.Length..]);
        var request = (await OpenRequests.OfAsync(context)).FirstOrDefault(r => r.Id == requestId)
            ?? await context.NetworkDb().StepRequests.FirstAsync(r => r.Id == requestId);
        if (HandOver.FromStimulus(stimulus) is { } handOver) return await HandOverAsync(context, bookmark, request, handOver);
        request.Answer = stimulus!["answer"]!.ToJsonString();
        request.AnsweredAt = context.Now;
        await SetMemberStatusAsync(context, request, stimulus["answer"]!.AsObject());
        await NetworkRecords.OnAnswerAsync(Record, context, request, stimulus["answer"]!.AsObject(), Decision);
        // A fresh bookmark keeps the link working, so the member can change the answer until the step closes.
        request.BookmarkId = context.CreateBookmark(BookmarkKind.Response, bookmark.Key).Id;
        return await SettleAsync(context);
    }

    protected override async ValueTask<ActivityResult> OnDeadlineAsync(ActivityContext context)
    {
        switch (OnDeadline)
        {
            case "extend" when context.Data["extended"] is null:
                context.Data["extended"] = true;
                await MoveDeadlineAsync(context, context.Now + IsoDuration.Parse(ExtendBy!));
                var newDeadline = DeadlineOf(context)!.Value;
                await RemindSilentAsync(context, Localized.Text(l => Words.In(l)["Requests.AskMembers.TheDeadlineWasExtendedTo", MomentText.Format(newDeadline, l, TimeZone)]));
                context.Log("Deadline passed without the quorum; extended once.");
                return ActivityResult.Suspend();
            case "escalate" when context.Data["escalated"] is null:
                context.Data["escalated"] = true;
                await EscalateAsync(context);
                return ActivityResult.Suspend();
            default:
                return await CloseAsync(context);
        }
    }

    protected override async Task AddMemberAsync(ActivityContext context, Guid memberId)
    {
        var network = (await NetworkPeople.NetworkOfAsync(context))!;
        var people = RecipientResolver.Resolve([$"{RecipientResolver.MemberPrefix}{memberId}"], NetworkPeople.Of(network));
        // A command is the coordinator's; one that cannot be honoured is noted, never a fault of the network's workflow.
        if (people.Problems.Count > 0)
        {
            context.Log($"Member not added to the step: {string.Join(" ", people.Problems)}");
            return;
        }
        if ((await OpenRequests.OfAsync(context)).Any(r => r.MemberId?.ToString() == people.Recipients[0].MemberId))
        {
            context.Log("The member is already asked in this step.");
            return;
        }
        Outbox.DeliverAfterCommit(context, [Ask(context, network, people.Recipients[0], people.Coordinator, DeadlineOf(context))]);
        context.Log("The coordinator added a member to the step.");
    }

    protected override async Task RemoveMemberAsync(ActivityContext context, Guid memberId)
    {
        foreach (var request in (await OpenRequests.OfAsync(context)).Where(r => r.MemberId == memberId))
        {
            request.ClosedAt = context.Now;
            if (context.OpenBookmarks.FirstOrDefault(b => b.Id == request.BookmarkId) is { } bookmark) context.RemoveBookmark(bookmark);
        }
        context.Log("A member left the network; the step no longer waits for them.");
    }

    private async Task SetMemberStatusAsync(ActivityContext context, StepRequest request, JsonObject answer)
    {
        if (StatusField is null || MemberStatus is null || request.MemberId is null) return;
        var value = answer[StatusField] switch
        {
            JsonValue v when v.TryGetValue<bool>(out var yes) => yes ? "yes" : "no",
            JsonValue v => v.ToString(),
            _ => null,
        };
        if (value is null || !MemberStatus.TryGetValue(value, out var status)) return;
        var member = await context.NetworkDb().Members.FirstOrDefaultAsync(m => m.Id == request.MemberId);
        // A member who left stays gone; anyone else takes the status their answer gives.
        if (member is null || member.Status == Koostoo.Networks.Members.MemberStatus.Left) return;
        member.Status = status;
        member.LeftAt = status == Koostoo.Networks.Members.MemberStatus.Left ? context.Now : null;
    }

    /// <summary>After an answer or a command: close if the quorum is reached, else publish the tally and keep waiting.</summary>
    protected override async Task<ActivityResult> SettleAsync(ActivityContext context)
    {
        var requests = await OpenRequests.OfAsync(context);
        if (StepTally.Of(requests, Quorum, Decision).QuorumReached) return await CloseAsync(context);
        await PublishAsync(context, closed: false);
        return ActivityResult.Suspend();
    }

    protected override async Task<ActivityResult> CloseAsync(ActivityContext context)
    {
        var requests = await OpenRequests.OfAsync(context);
        var tally = StepTally.Of(requests, Quorum, Decision);
        await PublishAsync(context, closed: true);
        foreach (var request in requests) request.ClosedAt = context.Now;
        if (requests.Count > 0)
        {
            var networkId = requests[0].NetworkId;
            await NetworkRecords.OnCloseAsync(Record, context, networkId, tally);
            Koostoo.Networks.History.NetworkHistory.Add(context.Db, networkId, context.Now, Koostoo.Networks.History.HistoryKind.StepClosed,
                Koostoo.Networks.History.HistoryActor.System,
                new() { ["question"] = Koostoo.Networks.History.NetworkHistory.Localized(Question!), ["answered"] = tally.Answered, ["asked"] = tally.Asked });
        }
        return ActivityResult.Outcome([.. tally.Outcomes()]);
    }

    private OutboxMessage Ask(ActivityContext context, Network network, Recipient recipient, Recipient? coordinator, DateTimeOffset? deadline)
    {
        var request = new StepRequest
        {
            NetworkId = network.Id,
            MemberId = recipient.MemberId is null ? null : Guid.Parse(recipient.MemberId),
            RespondentName = recipient.Name ?? recipient.Address,
            RespondentEmail = recipient.Address,
            Language = recipient.Language,
            InstanceId = context.Instance.Id,
            ActivityId = context.Activity.Id,
            Form = new RequestForm(Question!, RenderContext(context), Fields, network.Name, network.CoordinatorName, network.CoordinatorEmail).ToJson(),
            CreatedAt = context.Now,
            Deadline = deadline,
        };
        request.BookmarkId = context.CreateBookmark(BookmarkKind.Response, AnswerKey + request.Id).Id;
        context.NetworkDb().StepRequests.Add(request);
        return RequestMail.ToRespondent(context, "step-request", request, coordinator, note: null, TimeZone);
    }

    protected override string Silent => "member(s) not yet answered";

    protected override async Task<int> RemindSilentAsync(ActivityContext context, LocalizedText? note)
    {
        var network = (await NetworkPeople.NetworkOfAsync(context))!;
        var coordinator = NetworkPeople.CoordinatorOf(network);
        var silent = (await OpenRequests.OfAsync(context)).Where(r => r.Answer is null).ToList();
        var sent = silent.Select(request =>
        {
            request.RemindersSent++;
            return RequestMail.ToRespondent(context, "step-reminder", request, coordinator, note, TimeZone);
        }).ToList();
        Outbox.DeliverAfterCommit(context, sent);
        return sent.Count;
    }

    private async Task EscalateAsync(ActivityContext context)
    {
        var network = (await NetworkPeople.NetworkOfAsync(context))!;
        var requests = await OpenRequests.OfAsync(context);
        var coordinator = NetworkPeople.CoordinatorOf(network);
        var silent = requests.Where(r => r.Answer is null).Select(r => r.RespondentName).ToList();
        var scope = new Dictionary<string, object?>
        {
            ["network"] = network.Name,
            ["step"] = Question!.In(coordinator.Language),
            ["asked_count"] = requests.Count,
            ["answered_count"] = requests.Count - silent.Count,
            ["silent_count"] = silent.Count,
            ["silent"] = silent,
            ["link"] = RequestMail.Links(context).Network(network.Id),
            [TemplateCatalog.RecipientVariable] = coordinator.TemplateModel(),
        };
        var catalog = TemplateCatalog.Shipped;
        var email = network.Confidential
            ? ConfidentialMail.Render(network, coordinator, request: false, RequestMail.Links(context).Network(network.Id))
            : catalog.Render(catalog.Find("step-escalation")!, coordinator.Language, scope);
        var row = Outbox.Queue(context, coordinator, email, coordinator);
        Outbox.DeliverAfterCommit(context, [row]);
        context.Log($"Deadline passed without the quorum; the coordinator was told that {silent.Count} of {requests.Count} have not answered.");
    }

    /// <summary>The answers as a variable later steps and conditions read: counts, who answered, who is silent.</summary>
    private async Task PublishAsync(ActivityContext context, bool closed)
    {
        var requests = await OpenRequests.OfAsync(context);
        var tally = StepTally.Of(requests, Quorum, Decision);
        var answered = requests.Where(r => r.Answer is not null).ToList();
        var counts = new JsonObject();
        foreach (var field in Fields.Where(f => f.Type is FieldType.Choice or FieldType.MultiChoice or FieldType.YesNo or FieldType.Scale))
        {
            var values = new JsonObject();
            foreach (var answer in answered.Select(r => JsonNode.Parse(r.Answer!)!.AsObject()))
            foreach (var value in Values(answer[field.Name]))
                values[value] = (values[value]?.GetValue<int>() ?? 0) + 1;
            counts[field.Name] = values;
        }
        // Each answer carries its member's sector in every language, so a later step's text can say which field spoke.
        var sectors = await SectorsAsync(context, requests);
        JsonObject? SectorOf(Guid? memberId) => memberId is { } id && sectors.TryGetValue(id, out var sector)
            ? Localized.Json(l => Koostoo.Networks.Members.SectorNames.In(sector, l))
            : null;
        context.Variables[Variable ?? context.Activity.Id] = new JsonObject
        {
            ["asked"] = tally.Asked,
            ["answered"] = tally.Answered,
            ["needed"] = tally.Needed,
            ["closed"] = closed,
            ["approved"] = tally.Approved,
            ["rejected"] = tally.Rejected,
            ["silent"] = new JsonArray(requests.Where(r => r.Answer is null).Select(r => (JsonNode)r.RespondentName).ToArray()),
            ["answers"] = new JsonArray(answered.Select(r => (JsonNode)new JsonObject
            {
                ["memberId"] = r.MemberId?.ToString(),
                ["name"] = r.RespondentName,
                ["sector"] = SectorOf(r.MemberId),
                ["at"] = r.AnsweredAt,
                ["answer"] = JsonNode.Parse(r.Answer!),
            }).ToArray()),
            ["counts"] = counts,
        };
    }

    /// <summary>The network's members' sectors: from the network if this pass has it, else only those two columns.</summary>
    private static async Task<Dictionary<Guid, Koostoo.Networks.Members.Sector>> SectorsAsync(ActivityContext context, List<StepRequest> requests)
    {
        if (NetworkPeople.Loaded(context) is { } network) return network.Members.ToDictionary(m => m.Id, m => m.Sector);
        if (requests.Count == 0) return [];
        var networkId = requests[0].NetworkId;
        var db = context.NetworkDb();
        return await SectorsOf.For(db)(db, networkId).ToDictionaryAsync(m => m.Id, m => m.Sector);
    }

    // A record, not a ValueTuple: projected into a tuple, the query failed over PostgreSQL (TwoHostsTests).
    private sealed record MemberSector(Guid Id, Koostoo.Networks.Members.Sector Sector);

    // Every answer's tally runs it: compiled, it skips EF Core's per-call look-up of the query's translation (docs/scale.md).
    private static readonly CompiledPerModel<Func<NetworkDbContext, Guid, IAsyncEnumerable<MemberSector>>> SectorsOf = new(() => EF.CompileAsyncQuery(
        (NetworkDbContext db, Guid networkId) => db.Members.Where(m => m.NetworkId == networkId).Select(m => new MemberSector(m.Id, m.Sector))));

    private static IEnumerable<string> Values(JsonNode? value) => value switch
    {
        JsonArray array => array.Select(v => v!.ToJsonString().Trim('"')),
        null => [],
        _ => [value.ToJsonString().Trim('"')],
    };

    private LocalizedText? RenderContext(ActivityContext context)
    {
        if (Context is null || Context.IsEmpty) return null;
        var scope = new Dictionary<string, object?> { ["variables"] = Liquid.ToValue(context.Variables) };
        return new LocalizedText(Context.Values.ToDictionary(v => v.Key, v =>
            Liquid.TryParse(v.Value, out var template, out _) ? Liquid.Render(template, scope, Fluid.NullEncoder.Default) : v.Value));
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        foreach (var problem in base.Validate(context)) yield return problem;
        foreach (var (entry, i) in Audience.Select((e, i) => (e, i)))
        {
            // A plain address is no one the network knows: nobody to count, nowhere to show who is silent.
            var problem = RecipientResolver.SyntaxProblem(entry)
                ?? (entry.Contains('@') ? Words.Current["Requests.AskMembers.AskMembersRolesOrTheCoordinator"].Value : null);
            if (problem is not null) yield return new($"{context.InputPath("audience")}[{i}]", problem);
        }
        if (!Requests.Quorum.IsValid(Quorum))
            yield return new(context.InputPath("quorum"), Words.Current["Requests.AskMembers.IsNotAQuorumAllAny", Quorum].Value);
        if (OnDeadline is not ("continue" or "escalate" or "extend"))
            yield return new(context.InputPath("onDeadline"), Words.Current["Requests.AskMembers.IsNotOneOfContinueEscalate", OnDeadline].Value);
        if (OnDeadline != "continue" && string.IsNullOrEmpty(Deadline))
            yield return new(context.InputPath("onDeadline"), Words.Current["Requests.AskMembers.HappensAtTheDeadlineButThe", OnDeadline].Value);
        if (OnDeadline == "extend" && (!IsoDuration.TryParse(ExtendBy, out var by) || by <= TimeSpan.Zero))
            yield return new(context.InputPath("extendBy"), Words.Current["Requests.AskMembers.WithExtendGiveTheExtensionAs"].Value);
        var names = new HashSet<string>();
        foreach (var (field, i) in Fields.Select((f, i) => (f, i)))
        {
            var path = $"{context.InputPath("fields")}[{i}]";
            if (!names.Add(field.Name)) yield return new($"{path}.name", Words.Current["Requests.AskMembers.TheFieldNameIsUsedTwice", field.Name].Value);
            if (field.Label.IsEmpty) yield return new($"{path}.label", Words.Current["Requests.AskMembers.AFieldNeedsALabel"].Value);
            if (field.Type is FieldType.Choice or FieldType.MultiChoice && field.Options.Count < 2)
                yield return new($"{path}.options", Words.Current["Requests.AskMembers.AChoiceNeedsAtLeastTwo"].Value);
        }
        if (StatusField is not null && Fields.All(f => f.Name != StatusField || f.Type is not (FieldType.Choice or FieldType.YesNo)))
            yield return new(context.InputPath("statusField"), Words.Current["Requests.AskMembers.TheStatusFieldIsNotA", StatusField].Value);
        if (StatusField is not null && MemberStatus is not { Count: > 0 })
            yield return new(context.InputPath("memberStatus"), Words.Current["Requests.AskMembers.WithAStatusFieldSayWhich"].Value);
        if (Decision is not null && Fields.All(f => f.Name != Decision || f.Type != FieldType.YesNo))
            yield return new(context.InputPath("decision"), Words.Current["Requests.AskMembers.TheDecisionFieldIsNotA", Decision].Value);
        if (!string.IsNullOrEmpty(Record))
        {
            if (!NetworkRecords.Kinds.Contains(Record))
                yield return new(context.InputPath("record"), Words.Current["Requests.AskMembers.IsNotARecordKind", Record, string.Join(", ", NetworkRecords.Kinds)].Value);
            else if (NetworkRecords.Fields(Record).Where(name => Fields.All(f => f.Name != name)).ToList() is { Count: > 0 } missing)
                yield return new(context.InputPath("fields"), Words.Current["Requests.AskMembers.RecordingReadsTheFieldsWhichThe", Record, string.Join(", ", missing)].Value);
            if (Record == NetworkRecords.GoalDecision && Decision is null)
                yield return new(context.InputPath("decision"), Words.Current["Requests.AskMembers.RecordingTheGoalSDecisionNeeds"].Value);
        }
        if (Context is not null)
            foreach (var (language, text) in Context.Values)
                if (!Liquid.TryParse(text, out _, out var error))
                    yield return new($"{context.InputPath("context")}.{language}", $"Not valid Liquid: {error}");
    }
}
