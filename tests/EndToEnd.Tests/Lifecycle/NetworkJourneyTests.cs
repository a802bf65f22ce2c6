using System.Text.Json.Nodes;
using System.Globalization;
using System.Net;
using Hangfire;
using Koostoo.EndToEnd.Tests.Records;
using Koostoo.EndToEnd.Tests.Requests;
using static Koostoo.EndToEnd.Tests.Records.MemberMail;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Evaluation;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;
using Koostoo.Service.Persistence;
using Koostoo.Service.Scheduling;
using Koostoo.Workflows.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Lifecycle;

/// <summary>
/// A network of eight walks the shipped lifecycle from the invitation to the feedback summary: the real host, a real
/// SQLite file, a real SMTP server and the host's Hangfire server firing the timers, with days passing on a fake clock. Every email is
/// counted as it arrives, and every answer is given through the link in it, as a member would. Members 3 and 6 read
/// English, member 4 Russian, the rest Estonian: everything member 4 gets, mail and page, and the coordinator's page
/// with <c>?lang=ru</c>, is read for words left untranslated.
/// </summary>
public sealed class NetworkJourneyTests : IAsyncLifetime
{
    private const string Coordinator = "kati@vald.example";
    private readonly FakeTimeProvider _time = new(AskMembersSmtpTests.NextMondayMorning());
    private readonly TempFolder _folder = new();
    private MemberMail _mail = null!;
    // What people wrote, in the language they wrote it: the launch's names and purpose, and the group agreements (the
    // launch form's defaults in the network's language, which the coordinator keeps or rewrites); answers are added as given.
    private readonly List<string> _typed = ["Kooli võrgustik", "Vähendada koolist väljalangemist vallas", "Kati Kask", "Liige", .. DefaultAgreements.In("et")];
    private readonly List<(string What, string Html)> _russianPages = [];
    private readonly List<MimeMessage> _russianMail = [];
    private string _russian = "";
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        _app = new KoostooApp(_folder, Network.Smtp(_smtp.Port), services => services.AddSingleton<TimeProvider>(_time));
        _scenario = new AskScenario(_app);
        _mail = new MemberMail(_smtp, _scenario);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Eight_members_go_through_all_seven_stages_by_email_and_the_network_finishes()
    {
        var network = await _scenario.LaunchAsync(8, definitionId: "network-lifecycle", languageOf: i => i == 4 ? "ru" : i % 3 == 0 ? "en" : "et");
        var members = Enumerable.Range(1, 8).Select(AskScenario.Email).ToList();
        _russian = members[3];
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        // 1. Convene: everyone is invited and accepts; the coordinator hears.
        var invitations = await NewMailAsync(8);
        To(invitations).Should().BeEquivalentTo(members);
        await ReadTheCoordinatorsPageInRussianAsync(network, "while the invitation waits");
        foreach (var member in members) await AnswerAsync(invitations, member, ("answer", "accept"));
        var afterInvitations = await NewMailAsync(9);
        To(afterInvitations).Should().BeEquivalentTo([.. members, Coordinator]);
        Subject(afterInvitations, Coordinator).Should().Be("Kooli võrgustik: kutsetele vastati");

        // 2. Roles: each takes a role and accepts the group agreements shown on the page.
        string[] roles = ["leader", "notes", "contact", "expert", "expert", "member", "member", "member"];
        for (var i = 0; i < 8; i++)
            await AnswerAsync(afterInvitations, members[i], ("role", roles[i]), ("agree", "yes"));
        var information = await NewMailAsync(8);
        To(information).Should().BeEquivalentTo(members);

        // 3. Information gathering.
        foreach (var member in members) await AnswerAsync(information, member, ("knows", $"{member} teab"), ("offers", "nõustamine"));
        var draftRequest = await NewMailAsync(1);
        To(draftRequest).Should().Equal(Coordinator);

        // 4. Goal: the first draft is rejected by four of eight, the second approved by five.
        await AnswerAsync(draftRequest, Coordinator, Goal("Noored langevad koolist välja"));
        var firstVote = await NewMailAsync(8);
        To(firstVote).Should().BeEquivalentTo(members);
        foreach (var member in members.Take(4)) await AnswerAsync(firstVote, member, ("approve", "no"), ("why", "liiga üldine"));
        var revision = await NewMailAsync(2);
        To(revision).Should().Equal(Coordinator, Coordinator);
        revision.Select(m => m.Subject).Should().Contain("Kooli võrgustik: eesmärk vajab uut sõnastust");
        await AnswerAsync(revision, Coordinator, Goal("Põhikooli lõpetamata jätjaid on vallas liiga palju"));
        var secondVote = await NewMailAsync(8);
        foreach (var member in members.Take(5)) await AnswerAsync(secondVote, member, ("approve", "yes"));

        // 5. Action plan: each takes on an action; member 8's is due much sooner than the others'.
        var planRequests = await NewMailAsync(8);
        To(planRequests).Should().BeEquivalentTo(members);
        for (var i = 0; i < 8; i++)
            await AnswerAsync(planRequests, members[i], ("action", $"Tegevus {i + 1}"), ("due", Day(today, i == 7 ? 10 : 20)), ("confirm", "yes"));
        var planSummary = await NewMailAsync(9);
        To(planSummary).Should().BeEquivalentTo([.. members, Coordinator]);
        planSummary.First().TextBody.Should().Contain("Tegevus 8");

        // 6. Execution: a check-in reaches member 8 three days before the due date; they report it late, then it is
        //    overdue: they are reminded and the coordinator told. The others report done at their check-in.
        Pass(TimeSpan.FromDays(7));
        var firstCheckIn = await NewMailAsync(1);
        To(firstCheckIn).Should().Equal(members[7]);
        firstCheckIn[0].Subject.Should().Contain("Kuidas läheb tegevusega „Tegevus 8“?");
        await AnswerAsync(firstCheckIn, members[7], ("status", "late"), ("progress", "ruumi pole veel"));
        var help = await NewMailAsync(1);
        To(help).Should().Equal(Coordinator);
        help[0].Subject.Should().Be("Kooli võrgustik: Liige 8 vajab abi", "'late, I need help' reaches the coordinator at once");
        help[0].TextBody.Should().Contain("Märkus: ruumi pole veel");
        Pass(TimeSpan.FromDays(4));
        var overdue = await NewMailAsync(2);
        To(overdue).Should().BeEquivalentTo(members[7], Coordinator);
        Subject(overdue, Coordinator).Should().Be("Kooli võrgustik: tegevus on üle tähtaja");
        overdue.Single(m => To(m) == Coordinator).TextBody.Should().Contain("„Tegevus 8“ (vastutaja Liige 8)");
        Pass(TimeSpan.FromDays(6));
        var checkIns = await NewMailAsync(7);
        To(checkIns).Should().BeEquivalentTo(members.Take(7));
        foreach (var member in members.Take(7)) await AnswerAsync(checkIns, member, ("status", "done"), ("progress", "tehtud"));
        await AnswerAsync(overdue, members[7], ("status", "done"), ("progress", "lõpuks tehtud"));

        // 7. Feedback from everyone, then the summary to all.
        var feedbackRequests = await NewMailAsync(8);
        To(feedbackRequests).Should().BeEquivalentTo(members);
        for (var i = 0; i < 8; i++)
            await AnswerAsync(feedbackRequests, members[i], ("goalReached", i < 6 ? "4" : "3"), ("cooperation", "5"), ("satisfaction", "4"),
                ("resources", "2 tundi nädalas"), ("comment", ""));
        var summary = await NewMailAsync(9);
        To(summary).Should().BeEquivalentTo([.. members, Coordinator]);
        summary.Should().OnlyContain(m => m.Subject == "Kooli võrgustik: tagasiside kokkuvõte" || m.Subject == "Kooli võrgustik: feedback summary"
            || m.Subject == "Kooli võrgustik: итоги обратной связи");
        Subject(summary, _russian).Should().Be("Kooli võrgustik: итоги обратной связи");
        Subject(summary, members[2]).Should().Be("Kooli võrgustik: feedback summary", "member 3 reads English");
        Subject(summary, members[0]).Should().Be("Kooli võrgustik: tagasiside kokkuvõte", "member 1 reads Estonian");

        var instance = await _scenario.InstanceAsync(network);
        instance["status"]!.GetValue<string>().Should().Be("Finished");
        (await _scenario.NetworkAsync(network))["status"]!.GetValue<string>().Should().Be("Finished");
        (await _scenario.JournalAsync(network)).Should().NotContain(j => j.Event == JournalEvent.Faulted);
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        _smtp.Messages().Should().HaveCount(_mail.Taken, "no email beyond those counted");

        // The records the stages left, as the work sheets and the coordinator's page read them.
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
        var networkId = network["id"]!.GetValue<Guid>();
        var people = await db.Set<Member>().Where(m => m.NetworkId == networkId).OrderBy(m => m.Email).ToListAsync();
        people.Should().OnlyContain(m => m.Status == MemberStatus.Accepted && m.AgreementsAcceptedAt != null);
        people.Single(m => m.Email == members[0]).Role.Should().Be("Juht", "the role reads as the form offered it, in the network's language");
        var goals = await db.Set<Goal>().Where(g => g.NetworkId == networkId).OrderBy(g => g.Draft).ToListAsync();
        goals.Select(g => (g.Draft, g.Status, g.VotesFor, g.VotesAgainst)).Should().Equal((1, GoalStatus.Rejected, 0, 4), (2, GoalStatus.Approved, 5, 0));
        goals[1].Problem.Should().Be("Põhikooli lõpetamata jätjaid on vallas liiga palju");
        var actions = await db.Set<ActionItem>().Include(a => a.Progress).Where(a => a.NetworkId == networkId).ToListAsync();
        actions.Should().HaveCount(8).And.OnlyContain(a => a.Status == ActionStatus.Done);
        var late = actions.Single(a => a.What == "Tegevus 8");
        late.EscalatedAt.Should().NotBeNull();
        late.Progress.OrderBy(p => p.At).Select(p => p.Status).Should().Equal(ActionStatus.Late, ActionStatus.Done);
        actions.Where(a => a != late).Should().OnlyContain(a => a.EscalatedAt == null);
        var feedback = await db.Set<Feedback>().Where(f => f.NetworkId == networkId).ToListAsync();
        feedback.Should().HaveCount(8);
        feedback.Average(f => f.GoalReached).Should().Be(3.75);
        var history = (await db.Set<Koostoo.Networks.History.HistoryEntry>().Where(h => h.NetworkId == networkId).OrderBy(h => h.Id).ToListAsync())
            .Select(h => Koostoo.Networks.History.HistoryText.Of(h, "et")).ToList();
        history.Should().Contain("Eesmärki ei kiidetud heaks (0 poolt, 4 vastu).").And.Contain("Eesmärk kiideti heaks (5 poolt, 0 vastu).")
            .And.Contain("Tegevus „Tegevus 8“ (Liige 8) on üle tähtaja; koordinaatorit teavitati.");
        history.Last().Should().Be("Võrgustiku töövoog lõppes.");

        // Member 4 read everything in Russian, and so does the coordinator who asks for it.
        await ReadTheCoordinatorsPageInRussianAsync(network, "at the end");
        var reader = new RussianReader(_typed);
        _russianMail.Should().HaveCount(10, "member 4 got the invitation, the roles, information, two goal votes, the plan and its summary, a check-in, the feedback request and its summary");
        _russianMail.ForEach(reader.Mail);
        _russianPages.Should().HaveCount(18, "member 4 opened eight forms and saw each saved; the coordinator's page was read twice");
        foreach (var (what, html) in _russianPages) reader.Page(what, html);
        reader.ShouldHaveFoundOnlyRussian();
    }

    private static (string, string)[] Goal(string problem) =>
    [
        ("problem", problem), ("specific", "Vähem väljalangejaid"), ("measurable", "Väljalangejate arv poole väiksem"),
        ("ambitious", "Iga noor lõpetab põhikooli"), ("realistic", "Kõik asutused on kaasas"), ("timebound", "2027-06-30"),
    ];

    private static string Day(DateOnly today, int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Subject(IEnumerable<MimeMessage> messages, string address) => messages.Single(m => To(m) == address).Subject ?? "";

    /// <summary>The messages that arrived since the last look, member 4's kept for the Russian reader.</summary>
    private async Task<List<MimeMessage>> NewMailAsync(int count)
    {
        var fresh = await _mail.NewAsync(count);
        _russianMail.AddRange(fresh.Where(m => To(m) == _russian));
        return fresh;
    }

    /// <summary>The coordinator's network page with <c>?lang=ru</c>, kept for the Russian reader.</summary>
    private async Task ReadTheCoordinatorsPageInRussianAsync(JsonObject network, string when)
    {
        var page = await _scenario.Api.GetAsync($"/networks/{network["id"]}?lang=ru");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        _russianPages.Add(($"the coordinator's network page {when}", await page.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens the link in the person's email and posts the form, as their phone would; member 4's pages are kept.</summary>
    private async Task AnswerAsync(IEnumerable<MimeMessage> mail, string address, params (string Name, string Value)[] fields)
    {
        var (form, saved) = await _mail.AnswerAsync(mail, address, fields);
        _typed.AddRange(fields.Select(f => f.Value));
        if (address != _russian) return;
        using var browser = _scenario.Browser();
        _russianPages.Add(($"the form before {saved}", form));
        _russianPages.Add(($"the saved form {saved}", await browser.GetStringAsync(saved)));
    }

    /// <summary>
    /// Days pass on the clock; then the host's own Hangfire server runs the timer sweep, as its cron would at the next
    /// minute, and whatever fell due meanwhile fires. The callers wait for the mail that follows.
    /// </summary>
    private void Pass(TimeSpan time)
    {
        _time.Advance(time);
        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(TimerJobs.SweepJobId);
    }
}
