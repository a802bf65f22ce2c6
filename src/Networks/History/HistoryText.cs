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
        HistoryActorKind.Staff => Pick(language, "Koordinaator", "The coordinator"),
        HistoryActorKind.Admin => Pick(language, "Haldur", "An administrator"),
        _ => Pick(language, "Liige", "A member"),
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
        string T(string et, string en) => Pick(language, et, en);
        string S(string name) => a[name]!.GetValue<string>();
        int N(string name) => a[name]!.GetValue<int>();
        string L(string name, string lang) => a[name]![lang]?.GetValue<string>() ?? a[name]!["et"]!.GetValue<string>();
        string M(string name) => MomentText.Format(a[name]!.GetValue<DateTimeOffset>(), language);
        string D(string name) => DateText.InWords(a[name]!.GetValue<string>(), language);
        // The coordinator's own commands say "the coordinator" as their subject, or the name of whoever gave them.
        var subject = actor ?? T("Koordinaator", "The coordinator");
        return kind switch
        {
            // Its words were written when it happened, whoever they named; the actor was read from them.
            HistoryKind.Recorded => (a[language]?.GetValue<string>() ?? S("et"), true),
            HistoryKind.NetworkLaunched => (T($"Võrgustik loodi, kutsuti {N("invited")} liiget.", $"The network was launched; {N("invited")} members invited."), false),
            HistoryKind.MemberJoined => (T($"{S("member")} lisati võrgustikku.", $"{S("member")} joined the network."), false),
            HistoryKind.SuggestedColleagueInvited => (T($"{S("member")} kutsuti võrgustikku ({S("suggestedBy")} soovitusel).",
                $"{S("member")} was invited to the network (suggested by {S("suggestedBy")})."), false),
            HistoryKind.HelpAsked => (T($"{S("owner")} palus abi tegevusega „{S("action")}“; koordinaatorit teavitati.",
                $"{S("owner")} asked for help with the action “{S("action")}”; the coordinator was told."), true),
            HistoryKind.HelpResolved => (T($"{subject} märkis lahendatuks abipalve tegevusega „{S("action")}“ ({S("owner")}).",
                $"{subject} marked the request for help with the action “{S("action")}” ({S("owner")}) resolved."), true),
            HistoryKind.MemberLeft => (T($"{S("member")} lahkus võrgustikust.", $"{S("member")} left the network."), false),
            HistoryKind.StepReminded => (T($"Vastamata liikmetele saadeti meeldetuletus: „{L("question", "et")}“.",
                $"Those who have not answered were reminded: “{L("question", "en")}”."), false),
            HistoryKind.DeadlineExtended => (T($"Tähtaega pikendati {Duration(S("by"), "et")} võrra: „{L("question", "et")}“.",
                $"The deadline was extended by {Duration(S("by"), "en")}: “{L("question", "en")}”."), false),
            HistoryKind.StepClosedByCoordinator => (T($"{subject} sulges sammu: „{L("question", "et")}“.",
                $"{subject} closed the step: “{L("question", "en")}”."), true),
            HistoryKind.MemberAddedToStep => (T($"{S("member")} lisati sammu: „{L("question", "et")}“.",
                $"{S("member")} was added to the step: “{L("question", "en")}”."), false),
            HistoryKind.NetworkCancelled => (T($"{subject} lõpetas võrgustiku töö; avatud sammud suleti.",
                $"{subject} cancelled the network; the open steps were closed."), true),
            HistoryKind.WorkflowFinished => (T("Võrgustiku töövoog lõppes.", "The network's workflow has finished."), false),
            HistoryKind.WorkflowCancelled => (T("Võrgustik tühistati.", "The network was cancelled."), false),
            HistoryKind.MeetingPlanned => (T($"Kohtumine „{S("meeting")}“ kavandati: {M("startsAt")}; kutsed saadeti.",
                $"Meeting \"{S("meeting")}\" planned for {M("startsAt")}; invitations sent."), false),
            HistoryKind.MeetingChanged => (T($"Kohtumist „{S("meeting")}“ muudeti ({M("startsAt")}); uued kutsed saadeti.",
                $"Meeting \"{S("meeting")}\" changed ({M("startsAt")}); new invitations sent."), false),
            HistoryKind.MemoWritten => (T($"Kohtumise „{S("meeting")}“ memo kirjutati.", $"The memo of the meeting \"{S("meeting")}\" was written."), false),
            // The owner reports through their own link, so the sentence that names the owner names who did it.
            HistoryKind.ActionDone => (T($"{S("owner")}: tegevus „{S("action")}“ on tehtud.", $"{S("owner")}: the action \"{S("action")}\" is done."), true),
            // The coordinator shapes the plan (docs/coordinator.md, "Shaping the plan"): who did it is the sentence's subject.
            HistoryKind.ActionAdded => (T($"{subject} lisas tegevuskavasse tegevuse „{S("action")}“ (vastutaja {S("owner")}, tähtaeg {D("due")}).",
                $"{subject} added the action “{S("action")}” to the plan (owner {S("owner")}, due on {D("due")})."), true),
            HistoryKind.ActionEdited => (T($"{subject} muutis tegevust „{S("was")}“ ({S("owner")}): nüüd „{S("action")}“, tähtaeg {D("due")} (enne {D("wasDue")}).",
                $"{subject} changed the action “{S("was")}” ({S("owner")}): now “{S("action")}”, due on {D("due")} (before {D("wasDue")})."), true),
            HistoryKind.ActionReassigned => (T($"{subject} andis tegevuse „{S("action")}“ üle: {S("from")} → {S("to")}.",
                $"{subject} moved the action “{S("action")}” from {S("from")} to {S("to")}."), true),
            HistoryKind.ReviewStarted => (T($"{subject} alustas võrgustiku ülevaadet nr {N("number")}: {N("asked")} liiget hindavad võrgustiku toimimist.",
                $"{subject} started review no. {N("number")} of the network: {N("asked")} members rate how it works."), true),
            HistoryKind.ReviewClosed => (T($"Võrgustiku ülevaade nr {N("number")} lõppes: vastas {N("answered")} liiget {N("asked")}-st.",
                $"Review no. {N("number")} of the network closed: {N("answered")} of {N("asked")} members answered."), false),
            HistoryKind.ActionDropped => (T($"{subject} jättis tegevuse „{S("action")}“ ({S("owner")}) tegevuskavast välja.",
                $"{subject} dropped the action “{S("action")}” ({S("owner")}) from the plan."), true),
            HistoryKind.ActionOverdue => (T($"Tegevus „{S("action")}“ ({S("owner")}) on üle tähtaja; koordinaatorit teavitati.",
                $"The action \"{S("action")}\" ({S("owner")}) is overdue; the coordinator was told."), false),
            HistoryKind.ExecutionEnded => (T($"Elluviimine lõppes: {N("done")} / {N("actions")} tegevust tehtud.",
                $"Execution ended: {N("done")} of {N("actions")} actions done."), false),
            HistoryKind.StepClosed => (T($"Samm „{L("question", "et")}“ sulgus: vastas {N("answered")} / {N("asked")}.",
                $"The step \"{L("question", "en")}\" closed: {N("answered")} of {N("asked")} answered."), false),
            HistoryKind.GoalDraftProposed => (T($"Eesmärgi {N("draft")}. sõnastus pandi liikmetele heaks kiita.",
                $"Draft {N("draft")} of the goal was put to the members."), false),
            HistoryKind.GoalApproved => (T($"Eesmärk kiideti heaks ({N("for")} poolt, {N("against")} vastu).",
                $"The goal was approved ({N("for")} for, {N("against")} against)."), false),
            HistoryKind.GoalNotApproved => (T($"Eesmärki ei kiidetud heaks ({N("for")} poolt, {N("against")} vastu).",
                $"The goal was not approved ({N("for")} for, {N("against")} against)."), false),
            HistoryKind.MemberErased => (T("Ühe liikme andmed kustutati tema soovil; tema vastused jäid alles ilma temata.",
                "A member's data was erased on their request; their answers stay, without them."), false),
            HistoryKind.MembersAnonymised => (T("Säilitusaeg möödus: liikmete nimed, e-postid ja telefonid kustutati; vastused jäid alles ilma nendeta.",
                "The retention period passed: the members' names, emails and phones were erased; the answers stay, without them."), false),
            HistoryKind.AnsweredByEmail => (T($"vastas e-kirjaga: „{L("question", "et")}“.", $"answered by email: “{L("question", "en")}”."), false),
            HistoryKind.WorkflowMigrated => (T($"Töövoog viidi versioonilt {N("from")} versioonile {N("to")}.{Renamed(a, "et")}",
                $"The workflow moved from version {N("from")} to version {N("to")}.{Renamed(a, "en")}"), false),
            HistoryKind.WorkflowFaulted => (T($"Töövoog peatus vea tõttu sammul „{L("step", "et")}“: {S("error")}",
                $"The workflow stopped on an error at the step “{L("step", "en")}”: {S("error")}"), false),
            HistoryKind.FaultRetried => (T($"Samm „{L("step", "et")}“ käivitati pärast viga uuesti.", $"The step “{L("step", "en")}” was run again after the error."), false),
            HistoryKind.RetryFailed => (T($"Samm „{L("step", "et")}“ käivitati uuesti, kuid see peatus taas: {S("error")}",
                $"The step “{L("step", "en")}” was run again but stopped again: {S("error")}"), false),
            HistoryKind.FaultOutcomeChosen => (T($"Töövoog jätkus pärast viga sammust „{L("step", "et")}“ väljundiga {S("outcome")}.",
                $"The workflow went on after the error from the step “{L("step", "en")}” with the outcome {S("outcome")}."), false),
            // Who handed it on is the actor, named by the sentence itself.
            HistoryKind.RequestHandedOver => (T($"{S("from")} andis küsimuse „{L("question", "et")}“ üle kolleegile {S("to")}, kes vastab tema asemel{(a["joined"]?.GetValue<bool>() == true ? " ja lisati võrgustikku" : "")}.",
                $"{S("from")} handed the request “{L("question", "en")}” to a colleague, {S("to")}, who answers in their place{(a["joined"]?.GetValue<bool>() == true ? " and joined the network" : "")}."), true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A history kind without words."),
        };
    }

    /// <summary>The steps a migration gave new ids, by hand: " Ümber nimetatud: roles → roles-2."</summary>
    private static string Renamed(JsonObject a, string language) =>
        a["renamed"]?.GetValue<string>() is { Length: > 0 } renamed ? Pick(language, $" Ümber nimetatud: {renamed}.", $" Renamed: {renamed}.") : "";

    /// <summary>Whole days as days, anything else as hours, the way the coordinator chose it ("2 päeva", "12 tunni").</summary>
    private static string Duration(string iso, string language)
    {
        var by = IsoDuration.Parse(iso);
        return by.TotalDays >= 1 && by.Hours == 0 && by.Minutes == 0
            ? Pick(language, $"{by.TotalDays:0} päeva", $"{by.TotalDays:0} day{(by.TotalDays == 1 ? "" : "s")}")
            : Pick(language, $"{by.TotalHours:0.#} tunni", $"{by.TotalHours:0.#} hour{(by.TotalHours == 1 ? "" : "s")}");
    }

    private static string Pick(string language, string et, string en) => language == "en" ? en : et;
}
