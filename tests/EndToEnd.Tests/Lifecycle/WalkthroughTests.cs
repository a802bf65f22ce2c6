using System.Globalization;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Lifecycle;

/// <summary>
/// docs/walkthrough.md, as a test: the journey a new user takes on one machine with Pickup mail, every page opened in
/// headless Chromium, members answering on a phone-sized screen. With KOOSTOO_SCREENSHOTS=folder set, the pictures
/// of the walkthrough are written there (docs/images/walkthrough is where the doc expects them).
/// </summary>
public sealed class WalkthroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort.Next();
    private readonly HashSet<string> _usedLinks = [];
    // A Monday morning: the check-ins of actions due in two days go out at once. On a real clock at a weekend they
    // rightly wait for Monday 08:00 (quiet hours), and the walk would depend on the day it runs.
    private readonly FakeTimeProvider _time = new(AskMembersSmtpTests.NextMondayMorning());
    private KoostooApp _app = null!;
    private Screens _screens = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private string Url => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:PublicUrl"] = $"http://127.0.0.1:{_port}" },
            services => services.AddSingleton<TimeProvider>(_time));
        _app.UseKestrel(_port);
        _app.StartServer();
        _screens = new Screens(_folder, output);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_coordinator_and_eight_members_walk_the_lifecycle_in_the_browser()
    {
        var coordinatorPage = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Desktop, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        var phone = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Phone, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        var members = Enumerable.Range(1, 8).Select(AskScenario.Email).ToList();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        // 1. The coordinator launches the network.
        var networkId = await LaunchAsync(coordinatorPage);

        // 2. The invitations are in the mailbox; a member opens theirs and answers on the phone.
        await coordinatorPage.GotoAsync($"{Url}/mailbox");
        await WaitForMailAsync(8);
        await coordinatorPage.ReloadAsync();
        (await coordinatorPage.Locator(".messages li").CountAsync()).Should().Be(8);
        await _screens.ShotAsync(coordinatorPage, "02-mailbox.png");
        await coordinatorPage.Locator(".messages li a", new() { HasText = "Kutse võrgustikku" }).First.ClickAsync();
        (await coordinatorPage.InnerTextAsync("main")).Should().Contain("/r/");
        await _screens.ShotAsync(coordinatorPage, "03-invitation-email.png");

        await phone.GotoAsync(await LinkForAsync(members[0]));
        (await phone.InnerTextAsync("h1")).Should().Be("Kutse võrgustikku: kas osaled?");
        await _screens.ShotAsync(phone, "04-invitation-on-a-phone.png");
        await AnswerAsync(phone, ("answer", "accept"));
        await _screens.ShotAsync(phone, "05-answer-saved.png");
        foreach (var member in members.Skip(1)) await AnswerAsync(phone, await LinkForAsync(member), ("answer", "accept"));

        // 3. Roles and the group agreements.
        await phone.GotoAsync(await LinkForAsync(members[0]));
        (await phone.InnerTextAsync(".context")).Should().Contain("Hoiame kliendi ja pere andmed võrgustiku sees.");
        await _screens.ShotAsync(phone, "06-roles-and-agreements.png");
        string[] roles = ["leader", "notes", "contact", "expert", "expert", "member", "member", "member"];
        await AnswerAsync(phone, ("role", roles[0]), ("agree", "yes"));
        for (var i = 1; i < 8; i++) await AnswerAsync(phone, await LinkForAsync(members[i]), ("role", roles[i]), ("agree", "yes"));

        // 4. Information from each field.
        foreach (var member in members)
            await AnswerAsync(phone, await LinkForAsync(member), ("knows", "Meie koolis jättis eelmisel aastal 4 õpilast põhikooli pooleli."), ("offers", "Nõustamine"));

        // 5. The goal: drafted by the coordinator, rejected once, approved on the second draft.
        await coordinatorPage.GotoAsync(await LinkForAsync(AskScenario.CoordinatorEmail));
        await _screens.ShotAsync(coordinatorPage, "07-goal-draft.png");
        await AnswerAsync(coordinatorPage, Goal("Noored langevad koolist välja."));
        await phone.GotoAsync(await LinkForAsync(members[0]));
        (await phone.InnerTextAsync(".context")).Should().Contain("Noored langevad koolist välja.");
        await _screens.ShotAsync(phone, "08-goal-vote.png");
        await AnswerAsync(phone, ("approve", "no"), ("why", "Liiga üldine: mida täpselt mõõdame?"));
        foreach (var member in members.Skip(1).Take(3)) await AnswerAsync(phone, await LinkForAsync(member), ("approve", "no"));
        await AnswerAsync(coordinatorPage, await LinkForAsync(AskScenario.CoordinatorEmail), Goal("Põhikooli pooleli jätjaid on vallas 4 aastas; eesmärk on 2."));
        foreach (var member in members.Take(5)) await AnswerAsync(phone, await LinkForAsync(member), ("approve", "yes"));

        // 6. The action plan: each member takes on an action, due in two days.
        var due = today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await phone.GotoAsync(await LinkForAsync(members[0]));
        await _screens.ShotAsync(phone, "09-action-plan.png");
        for (var i = 0; i < 8; i++)
            await AnswerAsync(phone, i == 0 ? null : await LinkForAsync(members[i]), ("action", $"Tegevus {i + 1}"), ("due", due), ("confirm", "yes"));

        // 7. Execution: due within the check-in time, so the check-ins go out at once; the owners report.
        await phone.GotoAsync(await LinkForAsync(members[0]));
        (await phone.InnerTextAsync("h1")).Should().Be("Kuidas läheb tegevusega „Tegevus 1“?");
        await _screens.ShotAsync(phone, "10-check-in.png");
        await AnswerAsync(phone, ("status", "ontrack"), ("progress", "Kohtusin perega."));
        await coordinatorPage.GotoAsync($"{Url}/networks/{networkId}");
        (await coordinatorPage.InnerTextAsync("main")).Should().Contain("Tegevus 1");
        await _screens.ShotAsync(coordinatorPage, "11-network-page-execution.png");
        await AnswerAsync(phone, await LinkForAsync(members[0], reuse: true), ("status", "done"), ("progress", "Tehtud."));
        foreach (var member in members.Skip(1)) await AnswerAsync(phone, await LinkForAsync(member), ("status", "done"));

        // 8. Feedback, and the summary to all.
        await phone.GotoAsync(await LinkForAsync(members[0]));
        await _screens.ShotAsync(phone, "12-feedback.png");
        (await phone.EvaluateAsync<bool>("[...document.querySelectorAll('.scale')].every(s => s.scrollWidth <= s.clientWidth) && document.documentElement.scrollWidth <= window.innerWidth"))
            .Should().BeTrue("the 1–5 rows of the feedback form fit a 390 px phone");
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
            await AnswerAsync(phone, i == 0 ? null : await LinkForAsync(member), ("goalReached", "4"), ("cooperation", "5"), ("satisfaction", "4"), ("resources", "2 tundi nädalas"));
        // invitations 8, summary and roles 9, information 8, draft 1, vote 8, rejection and redraft 2, vote 8, plan 8,
        // plan summary 9, check-ins 8, feedback 8, summary 9.
        await WaitForMailAsync(86);

        await coordinatorPage.GotoAsync($"{Url}/networks/{networkId}");
        var finished = await coordinatorPage.InnerTextAsync("main");
        finished.Should().Contain("lõpetatud", "the network finished with its workflow");
        await _screens.ShotAsync(coordinatorPage, "13-network-finished.png");
        await coordinatorPage.GotoAsync($"{Url}/mailbox");
        await coordinatorPage.Locator(".messages li a", new() { HasText = "tagasiside kokkuvõte" }).First.ClickAsync();
        (await coordinatorPage.InnerTextAsync("main")).Should().Contain("Tagasisidet andis 8 inimest 8-st");
        await _screens.ShotAsync(coordinatorPage, "14-feedback-summary.png");
    }

    /// <summary>The launch form, filled in as a coordinator would: the goal first, then the eight members.</summary>
    private async Task<Guid> LaunchAsync(IPage page)
    {
        await page.GotoAsync($"{Url}/networks/new");
        await page.FillAsync("#name", "Kooli võrgustik");
        await page.FillAsync("#purpose", "Vähendada koolist väljalangemist vallas");
        await page.SelectOptionAsync("#type", "Preventive");
        await page.FillAsync("#strategyReference", "Valla arengukava 2025–2030");
        await page.FillAsync("#coordinatorName", "Kati Kask");
        await page.FillAsync("#coordinatorEmail", AskScenario.CoordinatorEmail);
        string[] sectors = ["Social", "Education", "Health", "Youth", "Education", "Ngo", "Social", "TargetGroup"];
        for (var i = 0; i < 8; i++)
        {
            await page.FillAsync($"#m{i}-name", $"Liige {i + 1}");
            await page.FillAsync($"#m{i}-email", AskScenario.Email(i + 1));
            await page.SelectOptionAsync($"#m{i}-sector", sectors[i]);
            // Every third member reads English, as in the other network tests.
            if ((i + 1) % 3 == 0) await page.SelectOptionAsync($"#m{i}-language", "en");
        }
        await _screens.ShotAsync(page, "01-launch-form.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Käivita võrgustik" }).ClickAsync();
        await page.WaitForURLAsync("**/networks/*?done=launched");
        (await page.InnerTextAsync(".stages [aria-current=step]")).Should().Contain("Kokkukutsumine");
        await _screens.ShotAsync(page, "01b-network-launched.png");
        return Guid.Parse(page.Url.Split('/')[^1].Split('?')[0]);
    }

    private static (string, string)[] Goal(string problem) =>
    [
        ("problem", problem), ("specific", "Põhikooli pooleli jätjate arv"), ("measurable", "Pooleli jätjaid 2 aastas"),
        ("ambitious", "Iga noor lõpetab põhikooli"), ("realistic", "Kool, sotsiaaltöö ja noorsootöö on kaasas"), ("timebound", "2027-06-30"),
    ];

    /// <summary>The newest answer link in the mail to the address that has not been used yet (or, with reuse, the last one).</summary>
    private async Task<string> LinkForAsync(string address, bool reuse = false)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var link = _app.DeliveredMail().Where(m => m.To.Mailboxes.Any(b => b.Address == address))
                .Select(m => AskScenario.LinkIn(m.TextBody ?? "")).Where(l => l != "" && (reuse || !_usedLinks.Contains(l))).LastOrDefault();
            if (link is not null)
            {
                _usedLinks.Add(link);
                return Url + link;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"No new link for {address}.");
            await Task.Delay(100);
        }
    }

    private Task AnswerAsync(IPage page, params (string Name, string Value)[] fields) => AnswerAsync(page, null, fields);

    /// <summary>Fills the form as a person would, by clicking the option or typing, and sends it.</summary>
    private static async Task AnswerAsync(IPage page, string? link, params (string Name, string Value)[] fields)
    {
        if (link is not null) await page.GotoAsync(link);
        foreach (var (name, value) in fields)
        {
            var option = page.Locator($"input[type=radio][name='{name}'][value='{value}']");
            if (await option.CountAsync() > 0) await option.CheckAsync();
            else await page.Locator($"[name='{name}']").FillAsync(value);
        }
        await page.Locator("form.card.answer button[type=submit]").ClickAsync();
        // Every third member reads English: the saved notice is the same box in either language.
        (await page.Locator("section.success[role=status] h2").InnerTextAsync()).Should().BeOneOf("Aitäh! Vastus on salvestatud.", "Thank you! Your answer is saved.");
    }

    private async Task WaitForMailAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Directory.Exists(_folder["mail"]) ? Directory.EnumerateFiles(_folder["mail"], "*.eml").Count() < count : true)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Fewer than {count} messages were delivered.");
            await Task.Delay(100);
        }
    }
}
