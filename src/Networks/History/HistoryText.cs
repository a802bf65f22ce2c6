using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Networks.History;

/// <summary>
/// The history's words: one sentence per kind in Estonian and in English, made from the entry's arguments when the
/// entry is read, in the reader's language. Who did it is named before the sentence ("Kati Kask: …"), unless the
/// sentence names them itself; the system is not named.
/// </summary>
public static class HistoryText
{
    /// <summary>Who the entry names: a person by their name, a staff user without one by the role word, the system not at all.</summary>
    public static string? ActorOf(HistoryEntry entry, string language) => entry.ActorKind switch
    {
        HistoryActorKind.System => null,
        _ when !string.IsNullOrWhiteSpace(entry.ActorName) => entry.ActorName,
        HistoryActorKind.Staff => Words.In(language)["History.TheCoordinatorAsActor"],
        HistoryActorKind.Admin => Words.In(language)["History.AnAdministrator"],
        _ => Words.In(language)["History.AMember"],
    };

    /// <summary>The entry as one line to read, naming who did it.</summary>
    public static string Of(HistoryEntry entry, string language)
    {
        var actor = ActorOf(entry, language);
        var (sentence, namesActor) = Sentence(entry.Kind, JsonNode.Parse(entry.Arguments)!.AsObject(), actor, language);
        return actor is null || namesActor ? sentence : $"{actor}: {sentence}";
    }

    private static (string Text, bool NamesActor) Sentence(HistoryKind kind, JsonObject a, string? actor, string language)
    {
        var W = Words.In(language);
        string S(string name) => a[name]!.GetValue<string>();
        int N(string name) => a[name]!.GetValue<int>();
        string L(string name, string lang) => a[name]![lang]?.GetValue<string>() ?? a[name]![Languages.Estonian]!.GetValue<string>();
        string M(string name) => MomentText.Format(a[name]!.GetValue<DateTimeOffset>(), language);
        string D(string name) => DateText.InWords(a[name]!.GetValue<string>(), language);
        // The coordinator's own commands say "the coordinator" as their subject, or the name of whoever gave them.
        var subject = actor ?? W["History.HistoryText.TheCoordinator"];
        return kind switch
        {
            // Its words were written when it happened, whoever they named; the actor was read from them.
            HistoryKind.Recorded => (a[language]?.GetValue<string>() ?? S(Languages.Estonian), true),
            HistoryKind.NetworkLaunched => (W["History.HistoryText.TheNetworkWasLaunchedMembersInvited", N("invited")], false),
            HistoryKind.MemberJoined => (W["History.HistoryText.JoinedTheNetwork", S("member")], false),
            HistoryKind.SuggestedColleagueInvited => (W["History.HistoryText.WasInvitedToTheNetworkSuggested", S("member"), S("suggestedBy")], false),
            HistoryKind.HelpAsked => (W["History.HistoryText.AskedForHelpWithTheAction", S("owner"), S("action")], true),
            HistoryKind.HelpResolved => (W["History.HistoryText.MarkedTheRequestForHelpWith", subject, S("action"), S("owner")], true),
            HistoryKind.MemberLeft => (W["History.HistoryText.LeftTheNetwork", S("member")], false),
            HistoryKind.StepReminded => (W["History.HistoryText.ThoseWhoHaveNotAnsweredWere", L("question", language)], false),
            HistoryKind.DeadlineExtended => (W["History.HistoryText.TheDeadlineWasExtendedBy", Duration(S("by"), language), L("question", language)], false),
            HistoryKind.StepClosedByCoordinator => (W["History.HistoryText.ClosedTheStep", subject, L("question", language)], true),
            HistoryKind.MemberAddedToStep => (W["History.HistoryText.WasAddedToTheStep", S("member"), L("question", language)], false),
            HistoryKind.NetworkCancelled => (W["History.HistoryText.CancelledTheNetworkTheOpenSteps", subject], true),
            HistoryKind.WorkflowFinished => (W["History.HistoryText.TheNetworkSWorkflowHasFinished"], false),
            HistoryKind.WorkflowCancelled => (W["History.HistoryText.TheNetworkWasCancelled"], false),
            HistoryKind.MeetingPlanned => (W["History.HistoryText.MeetingPlannedForInvitationsSent", S("meeting"), M("startsAt")], false),
            HistoryKind.MeetingChanged => (W["History.HistoryText.MeetingChangedNewInvitationsSent", S("meeting"), M("startsAt")], false),
            HistoryKind.MemoWritten => (W["History.HistoryText.TheMemoOfTheMeetingWas", S("meeting")], false),
            // The owner reports through their own link, so the sentence that names the owner names who did it.
            HistoryKind.ActionDone => (W["History.HistoryText.TheActionIsDone", S("owner"), S("action")], true),
            // The coordinator shapes the plan (docs/coordinator.md, "Shaping the plan"): who did it is the sentence's subject.
            HistoryKind.ActionAdded => (W["History.HistoryText.AddedTheActionToThePlan", subject, S("action"), S("owner"), D("due")], true),
            HistoryKind.ActionEdited => (W["History.HistoryText.ChangedTheActionNowDueOn", subject, S("was"), S("owner"), S("action"), D("due"), D("wasDue")], true),
            HistoryKind.ActionReassigned => (W["History.HistoryText.MovedTheActionFromTo", subject, S("action"), S("from"), S("to")], true),
            HistoryKind.ReviewStarted => (W["History.HistoryText.StartedReviewNoOfTheNetwork", subject, N("number"), N("asked")], true),
            HistoryKind.ReviewClosed => (W["History.HistoryText.ReviewNoOfTheNetworkClosed", N("number"), N("answered"), N("asked")], false),
            HistoryKind.ActionDropped => (W["History.HistoryText.DroppedTheActionFromThePlan", subject, S("action"), S("owner")], true),
            HistoryKind.ActionOverdue => (W["History.HistoryText.TheActionIsOverdueTheCoordinator", S("action"), S("owner")], false),
            HistoryKind.ExecutionEnded => (W["History.HistoryText.ExecutionEndedOfActionsDone", N("done"), N("actions")], false),
            HistoryKind.StepClosed => (W["History.HistoryText.TheStepClosedOfAnswered", L("question", language), N("answered"), N("asked")], false),
            HistoryKind.GoalDraftProposed => (W["History.HistoryText.DraftOfTheGoalWasPut", N("draft")], false),
            HistoryKind.GoalApproved => (W["History.HistoryText.TheGoalWasApprovedForAgainst", N("for"), N("against")], false),
            HistoryKind.GoalNotApproved => (W["History.HistoryText.TheGoalWasNotApprovedFor", N("for"), N("against")], false),
            HistoryKind.MemberErased => (W["History.HistoryText.AMemberSDataWasErased"], false),
            HistoryKind.MembersAnonymised => (W["History.HistoryText.TheRetentionPeriodPassedTheMembers"], false),
            HistoryKind.AnsweredByEmail => (W["History.HistoryText.AnsweredByEmail", L("question", language)], false),
            HistoryKind.WorkflowMigrated => (W["History.HistoryText.TheWorkflowMovedFromVersionTo", N("from"), N("to"), Renamed(a, language)], false),
            HistoryKind.WorkflowFaulted => (W["History.HistoryText.TheWorkflowStoppedOnAnError", L("step", language), S("error")], false),
            HistoryKind.FaultRetried => (W["History.HistoryText.TheStepWasRunAgainAfter", L("step", language)], false),
            HistoryKind.RetryFailed => (W["History.HistoryText.TheStepWasRunAgainBut", L("step", language), S("error")], false),
            HistoryKind.FaultOutcomeChosen => (W["History.HistoryText.TheWorkflowWentOnAfterThe", L("step", language), S("outcome")], false),
            // Who handed it on is the actor, named by the sentence itself.
            HistoryKind.RequestHandedOver => (a["joined"]?.GetValue<bool>() == true
                ? W["History.HandedOverAndJoined", S("from"), L("question", language), S("to")]
                : W["History.HandedOver", S("from"), L("question", language), S("to")], true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A history kind without words."),
        };
    }

    /// <summary>The steps a migration gave new ids, by hand: " Ümber nimetatud: roles → roles-2."</summary>
    private static string Renamed(JsonObject a, string language) =>
        a["renamed"]?.GetValue<string>() is { Length: > 0 } renamed ? Words.In(language)["History.Renamed", renamed] : "";

    /// <summary>Whole days as days, anything else as hours, the way the coordinator chose it ("2 päeva", "12 tunni").</summary>
    private static string Duration(string iso, string language)
    {
        var by = IsoDuration.Parse(iso);
        return by.TotalDays >= 1 && by.Hours == 0 && by.Minutes == 0
            ? Words.In(language).Count("History.ExtendedByDays", (decimal)by.TotalDays)
            : Words.In(language).Count("History.ExtendedByHours", Math.Round((decimal)by.TotalHours, 1));
    }
}
