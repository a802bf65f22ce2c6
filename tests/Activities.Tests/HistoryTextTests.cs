using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.History;

namespace Koostoo.Activities.Tests;

/// <summary>
/// Every kind of history entry in both languages, word for word as the service wrote its sentences before it kept
/// events, with who acted named before the sentence unless the sentence names them itself.
/// </summary>
public sealed class HistoryTextTests
{
    private static readonly HistoryActor Coordinator = HistoryActor.Staff("");
    private static readonly JsonObject Question = new() { ["et"] = "Kas osaled?", ["en"] = "Will you take part?" };
    private static readonly DateTimeOffset Starts = new(2030, 5, 6, 7, 0, 0, TimeSpan.Zero);

    public static TheoryData<HistoryKind, HistoryActor, string, string, string> Sentences() => new()
    {
        { HistoryKind.Recorded, Coordinator, """{"et":"Koordinaator sulges sammu: „X“.","en":"The coordinator closed the step: “X”."}""",
            "Koordinaator sulges sammu: „X“.", "The coordinator closed the step: “X”." },
        { HistoryKind.NetworkLaunched, Coordinator, """{"invited":3}""",
            "Koordinaator: Võrgustik loodi, kutsuti 3 liiget.", "The coordinator: The network was launched; 3 members invited." },
        { HistoryKind.MemberJoined, HistoryActor.Staff("Kati Kask"), """{"member":"Uus Liige"}""",
            "Kati Kask: Uus Liige lisati võrgustikku.", "Kati Kask: Uus Liige joined the network." },
        { HistoryKind.MemberLeft, Coordinator, """{"member":"Liige 3"}""",
            "Koordinaator: Liige 3 lahkus võrgustikust.", "The coordinator: Liige 3 left the network." },
        { HistoryKind.StepReminded, Coordinator, Args(new() { ["question"] = Question.DeepClone() }),
            "Koordinaator: Vastamata liikmetele saadeti meeldetuletus: „Kas osaled?“.", "The coordinator: Those who have not answered were reminded: “Will you take part?”." },
        { HistoryKind.DeadlineExtended, Coordinator, Args(new() { ["question"] = Question.DeepClone(), ["by"] = "P2D" }),
            "Koordinaator: Tähtaega pikendati 2 päeva võrra: „Kas osaled?“.", "The coordinator: The deadline was extended by 2 days: “Will you take part?”." },
        { HistoryKind.StepClosedByCoordinator, Coordinator, Args(new() { ["question"] = Question.DeepClone() }),
            "Koordinaator sulges sammu: „Kas osaled?“.", "The coordinator closed the step: “Will you take part?”." },
        { HistoryKind.MemberAddedToStep, Coordinator, Args(new() { ["question"] = Question.DeepClone(), ["member"] = "Uus Liige" }),
            "Koordinaator: Uus Liige lisati sammu: „Kas osaled?“.", "The coordinator: Uus Liige was added to the step: “Will you take part?”." },
        { HistoryKind.NetworkCancelled, Coordinator, "{}",
            "Koordinaator lõpetas võrgustiku töö; avatud sammud suleti.", "The coordinator cancelled the network; the open steps were closed." },
        { HistoryKind.WorkflowFinished, HistoryActor.System, "{}", "Võrgustiku töövoog lõppes.", "The network's workflow has finished." },
        { HistoryKind.WorkflowCancelled, HistoryActor.System, "{}", "Võrgustik tühistati.", "The network was cancelled." },
        { HistoryKind.MeetingPlanned, Coordinator, Args(new() { ["meeting"] = "Esimene kohtumine", ["startsAt"] = NetworkHistory.Moment(Starts) }),
            $"Koordinaator: Kohtumine „Esimene kohtumine“ kavandati: {MomentText.Format(Starts, "et")}; kutsed saadeti.",
            $"The coordinator: Meeting \"Esimene kohtumine\" planned for {MomentText.Format(Starts, "en")}; invitations sent." },
        { HistoryKind.MeetingChanged, Coordinator, Args(new() { ["meeting"] = "Esimene kohtumine", ["startsAt"] = NetworkHistory.Moment(Starts) }),
            $"Koordinaator: Kohtumist „Esimene kohtumine“ muudeti ({MomentText.Format(Starts, "et")}); uued kutsed saadeti.",
            $"The coordinator: Meeting \"Esimene kohtumine\" changed ({MomentText.Format(Starts, "en")}); new invitations sent." },
        { HistoryKind.MemoWritten, Coordinator, """{"meeting":"Esimene kohtumine"}""",
            "Koordinaator: Kohtumise „Esimene kohtumine“ memo kirjutati.", "The coordinator: The memo of the meeting \"Esimene kohtumine\" was written." },
        { HistoryKind.ActionDone, HistoryActor.Member("Mari Maasikas"), """{"action":"Kodukülastus","owner":"Mari Maasikas"}""",
            "Mari Maasikas: tegevus „Kodukülastus“ on tehtud.", "Mari Maasikas: the action \"Kodukülastus\" is done." },
        { HistoryKind.ActionOverdue, HistoryActor.System, """{"action":"Kodukülastus","owner":"Mari Maasikas"}""",
            "Tegevus „Kodukülastus“ (Mari Maasikas) on üle tähtaja; koordinaatorit teavitati.", "The action \"Kodukülastus\" (Mari Maasikas) is overdue; the coordinator was told." },
        { HistoryKind.ExecutionEnded, HistoryActor.System, """{"done":7,"actions":8}""",
            "Elluviimine lõppes: 7 / 8 tegevust tehtud.", "Execution ended: 7 of 8 actions done." },
        { HistoryKind.StepClosed, HistoryActor.System, Args(new() { ["question"] = Question.DeepClone(), ["answered"] = 1, ["asked"] = 3 }),
            "Samm „Kas osaled?“ sulgus: vastas 1 / 3.", "The step \"Will you take part?\" closed: 1 of 3 answered." },
        { HistoryKind.GoalDraftProposed, HistoryActor.Staff("Kati Kask"), """{"draft":2}""",
            "Kati Kask: Eesmärgi 2. sõnastus pandi liikmetele heaks kiita.", "Kati Kask: Draft 2 of the goal was put to the members." },
        { HistoryKind.GoalApproved, HistoryActor.System, """{"for":5,"against":0}""",
            "Eesmärk kiideti heaks (5 poolt, 0 vastu).", "The goal was approved (5 for, 0 against)." },
        { HistoryKind.GoalNotApproved, HistoryActor.System, """{"for":0,"against":4}""",
            "Eesmärki ei kiidetud heaks (0 poolt, 4 vastu).", "The goal was not approved (0 for, 4 against)." },
        { HistoryKind.AnsweredByEmail, HistoryActor.Member("Mari Maasikas"), Args(new() { ["question"] = Question.DeepClone() }),
            "Mari Maasikas: vastas e-kirjaga: „Kas osaled?“.", "Mari Maasikas: answered by email: “Will you take part?”." },
        { HistoryKind.WorkflowMigrated, HistoryActor.Admin(""), """{"from":1,"to":2,"renamed":"roles → roles-2"}""",
            "Haldur: Töövoog viidi versioonilt 1 versioonile 2. Ümber nimetatud: roles → roles-2.",
            "An administrator: The workflow moved from version 1 to version 2. Renamed: roles → roles-2." },
        { HistoryKind.WorkflowFaulted, HistoryActor.System, Args(new() { ["step"] = Question.DeepClone(), ["error"] = "TypeError: x is undefined" }),
            "Töövoog peatus vea tõttu sammul „Kas osaled?“: TypeError: x is undefined",
            "The workflow stopped on an error at the step “Will you take part?”: TypeError: x is undefined" },
        { HistoryKind.FaultRetried, HistoryActor.Admin("Anne Admin"), Args(new() { ["step"] = Question.DeepClone() }),
            "Anne Admin: Samm „Kas osaled?“ käivitati pärast viga uuesti.", "Anne Admin: The step “Will you take part?” was run again after the error." },
        { HistoryKind.RetryFailed, HistoryActor.Admin(""), Args(new() { ["step"] = Question.DeepClone(), ["error"] = "TypeError: x is undefined" }),
            "Haldur: Samm „Kas osaled?“ käivitati uuesti, kuid see peatus taas: TypeError: x is undefined",
            "An administrator: The step “Will you take part?” was run again but stopped again: TypeError: x is undefined" },
        { HistoryKind.FaultOutcomeChosen, HistoryActor.Admin(""), Args(new() { ["step"] = Question.DeepClone(), ["outcome"] = "Done" }),
            "Haldur: Töövoog jätkus pärast viga sammust „Kas osaled?“ väljundiga Done.",
            "An administrator: The workflow went on after the error from the step “Will you take part?” with the outcome Done." },
        { HistoryKind.MemberErased, HistoryActor.Staff("Kati Kask"), "{}",
            "Kati Kask: Ühe liikme andmed kustutati tema soovil; tema vastused jäid alles ilma temata.",
            "Kati Kask: A member's data was erased on their request; their answers stay, without them." },
        { HistoryKind.MembersAnonymised, HistoryActor.System, "{}",
            "Säilitusaeg möödus: liikmete nimed, e-postid ja telefonid kustutati; vastused jäid alles ilma nendeta.",
            "The retention period passed: the members' names, emails and phones were erased; the answers stay, without them." },
        { HistoryKind.SuggestedColleagueInvited, HistoryActor.Staff("Kati Kask"), """{"member":"Mari Maasikas","suggestedBy":"Liige 2"}""",
            "Kati Kask: Mari Maasikas kutsuti võrgustikku (Liige 2 soovitusel).",
            "Kati Kask: Mari Maasikas was invited to the network (suggested by Liige 2)." },
        { HistoryKind.HelpAsked, HistoryActor.Member("Liige 8"), """{"action":"Kodukülastus","owner":"Liige 8"}""",
            "Liige 8 palus abi tegevusega „Kodukülastus“; koordinaatorit teavitati.",
            "Liige 8 asked for help with the action “Kodukülastus”; the coordinator was told." },
        { HistoryKind.HelpResolved, Coordinator, """{"action":"Kodukülastus","owner":"Liige 8"}""",
            "Koordinaator märkis lahendatuks abipalve tegevusega „Kodukülastus“ (Liige 8).",
            "The coordinator marked the request for help with the action “Kodukülastus” (Liige 8) resolved." },
        { HistoryKind.RequestHandedOver, HistoryActor.Member("Liige 1"), Args(new() { ["question"] = Question.DeepClone(), ["from"] = "Liige 1", ["to"] = "Mari Maasikas", ["joined"] = true }),
            "Liige 1 andis küsimuse „Kas osaled?“ üle kolleegile Mari Maasikas, kes vastab tema asemel ja lisati võrgustikku.",
            "Liige 1 handed the request “Will you take part?” to a colleague, Mari Maasikas, who answers in their place and joined the network." },
        { HistoryKind.ActionAdded, Coordinator, """{"action":"Tugiisiku leidmine","owner":"Liige 3","due":"2027-01-31"}""",
            "Koordinaator lisas tegevuskavasse tegevuse „Tugiisiku leidmine“ (vastutaja Liige 3, tähtaeg 31. jaanuar 2027).",
            "The coordinator added the action “Tugiisiku leidmine” to the plan (owner Liige 3, due on 31 January 2027)." },
        { HistoryKind.ActionEdited, Coordinator, """{"was":"Kokkuvõte","action":"Kokkuvõte vallale","owner":"Liige 2","due":"2027-02-15","wasDue":"2027-01-31"}""",
            "Koordinaator muutis tegevust „Kokkuvõte“ (Liige 2): nüüd „Kokkuvõte vallale“, tähtaeg 15. veebruar 2027 (enne 31. jaanuar 2027).",
            "The coordinator changed the action “Kokkuvõte” (Liige 2): now “Kokkuvõte vallale”, due on 15 February 2027 (before 31 January 2027)." },
        { HistoryKind.ActionReassigned, Coordinator, """{"action":"Kodukülastus","from":"Liige 1","to":"Liige 3"}""",
            "Koordinaator andis tegevuse „Kodukülastus“ üle: Liige 1 → Liige 3.",
            "The coordinator moved the action “Kodukülastus” from Liige 1 to Liige 3." },
        { HistoryKind.ActionDropped, Coordinator, """{"action":"Kodukülastus","owner":"Liige 1"}""",
            "Koordinaator jättis tegevuse „Kodukülastus“ (Liige 1) tegevuskavast välja.",
            "The coordinator dropped the action “Kodukülastus” (Liige 1) from the plan." },
        { HistoryKind.ReviewStarted, HistoryActor.Staff("Kati Kask"), """{"number":2,"asked":8}""",
            "Kati Kask alustas võrgustiku ülevaadet nr 2: 8 liiget hindavad võrgustiku toimimist.",
            "Kati Kask started review no. 2 of the network: 8 members rate how it works." },
        { HistoryKind.ReviewClosed, HistoryActor.System, """{"number":2,"answered":7,"asked":8}""",
            "Võrgustiku ülevaade nr 2 lõppes: vastas 7 liiget 8-st.",
            "Review no. 2 of the network closed: 7 of 8 members answered." },
    };

    [Fact]
    public void A_request_handed_to_someone_already_in_the_network_does_not_say_they_joined()
    {
        var entry = Entry(HistoryKind.RequestHandedOver, HistoryActor.Member("Liige 1"),
            Args(new() { ["question"] = Question.DeepClone(), ["from"] = "Liige 1", ["to"] = "Liige 4", ["joined"] = false }));
        HistoryText.Of(entry, "et").Should().Be("Liige 1 andis küsimuse „Kas osaled?“ üle kolleegile Liige 4, kes vastab tema asemel.");
        HistoryText.Of(entry, "en").Should().Be("Liige 1 handed the request “Will you take part?” to a colleague, Liige 4, who answers in their place.");
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_kind_reads_as_its_sentence_in_either_language(HistoryKind kind, HistoryActor actor, string arguments, string et, string en)
    {
        var entry = Entry(kind, actor, arguments);
        HistoryText.Of(entry, "et").Should().Be(et);
        HistoryText.Of(entry, "en").Should().Be(en);
    }

    [Fact]
    public void Every_kind_has_its_sentence_here() =>
        Sentences().Select(row => (HistoryKind)row[0]).Should().BeEquivalentTo(Enum.GetValues<HistoryKind>(), "a new kind needs its words and this test");

    [Fact]
    public void The_coordinators_own_commands_name_them_as_the_subject_once_they_have_a_name()
    {
        var closed = Entry(HistoryKind.StepClosedByCoordinator, HistoryActor.Staff("Kati Kask"), Args(new() { ["question"] = Question.DeepClone() }));
        HistoryText.Of(closed, "et").Should().Be("Kati Kask sulges sammu: „Kas osaled?“.");
        HistoryText.Of(closed, "en").Should().Be("Kati Kask closed the step: “Will you take part?”.");
        HistoryText.ActorOf(closed, "en").Should().Be("Kati Kask");
    }

    [Theory]
    [InlineData("PT1H", "1 tunni", "1 hour")]
    [InlineData("PT12H", "12 tunni", "12 hours")]
    [InlineData("P1D", "1 päeva", "1 day")]
    [InlineData("P1W", "7 päeva", "7 days")]
    public void An_extension_is_told_in_days_when_whole_else_in_hours(string by, string et, string en)
    {
        var entry = Entry(HistoryKind.DeadlineExtended, HistoryActor.System, Args(new() { ["question"] = Question.DeepClone(), ["by"] = by }));
        HistoryText.Of(entry, "et").Should().Be($"Tähtaega pikendati {et} võrra: „Kas osaled?“.");
        HistoryText.Of(entry, "en").Should().Be($"The deadline was extended by {en}: “Will you take part?”.");
    }

    [Fact]
    public void The_system_is_not_named_a_nameless_staff_user_is_named_by_the_role()
    {
        HistoryText.ActorOf(Entry(HistoryKind.WorkflowFinished, HistoryActor.System, "{}"), "et").Should().BeNull();
        HistoryText.ActorOf(Entry(HistoryKind.NetworkCancelled, Coordinator, "{}"), "et").Should().Be("Koordinaator");
        HistoryText.ActorOf(Entry(HistoryKind.NetworkCancelled, Coordinator, "{}"), "en").Should().Be("The coordinator");
    }

    private static string Args(JsonObject arguments) => arguments.ToJsonString();

    private static HistoryEntry Entry(HistoryKind kind, HistoryActor actor, string arguments) =>
        new() { Kind = kind, ActorKind = actor.Kind, ActorName = actor.Name, Arguments = arguments };
}
