using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>
/// Handing a request on, through the real host on Kestrel, a real SMTP server and headless Chromium: a member who is away
/// hands the request to a colleague from the request page; the colleague answers with their own link and counts in the
/// member's place; the old link says to whom; the coordinator's mailbox and the network's history tell who handed what to whom.
/// </summary>
public sealed class HandOverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Colleague = "mari.maasikas@kool.example";
    private const string Note = "Olen puhkusel 20. detsembrini; Mari tunneb seda last.";
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort.Next();
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;
    private Uri Address => new($"http://127.0.0.1:{_port}");

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        var settings = Network.Smtp(_smtp.Port);
        settings["Koostoo:PublicUrl"] = Address.ToString().TrimEnd('/');
        _app = new KoostooApp(_folder, settings);
        _app.UseKestrel(_port);
        _app.StartServer();
        _scenario = new AskScenario(_app, Address, () => _smtp.Messages());
        await _scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_member_hands_the_request_to_a_colleague_who_answers_in_their_place_and_the_coordinator_is_told()
    {
        var network = await _scenario.LaunchAsync(2);
        var id = network["id"]!.GetValue<Guid>();
        var asked = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        var link = Address + LinkTo(asked, AskScenario.Email(1)).TrimStart('/');
        // The member's form, opened before handing on: an answer posted from it later must not count.
        using var oldTab = _scenario.Browser();
        var (_, _, oldForm) = await AskScenario.OpenAsync(oldTab, link);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        // CSP bypassed only so that axe-core can be added to the page (the CSP itself: CspBrowserTests).
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Screens.Phone, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByText("Ei ole õige inimene või oled eemal? Anna küsimus kolleegile").ClickAsync();

        // Bad input: the form again with the error beside the field, nothing saved, nobody mailed.
        await page.GetByLabel("Kolleegi nimi").FillAsync("Mari Maasikas");
        await page.GetByLabel("Kolleegi e-post").FillAsync("mari.maasikas@kool");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anna üle" }).ClickAsync();
        (await page.InnerTextAsync("#handover .error[role=alert]")).Should().Be("Palun paranda märgitud väljad. Midagi ei salvestatud.");
        (await page.InnerTextAsync("#handover .field.invalid .error")).Should().Be("See ei ole korrektne e-posti aadress.");
        (await page.InputValueAsync("#h-name")).Should().Be("Mari Maasikas", "what the member typed stays in the form");
        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty("the open hand-over form with its errors passes WCAG A and AA");
        await page.GetByLabel("Kolleegi e-post").FillAsync(AskScenario.Email(2));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anna üle" }).ClickAsync();
        (await page.InnerTextAsync("#handover .field.invalid .error")).Should().Be("Liige 2 on selles küsimuses juba küsitud: anna see kellelegi teisele.");
        (await _scenario.NetworkAsync(network))["members"]!.AsArray().Should().HaveCount(2, "a refused hand-over adds nobody");
        await new Screens(_folder, output).ShotAsync(page, "hand-over.png");

        await page.GetByLabel("Kolleegi e-post").FillAsync(Colleague);
        await page.GetByLabel("Sõnum kolleegile ja koordinaatorile").FillAsync(Note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anna üle" }).ClickAsync();
        (await page.InnerTextAsync("[role=status] h2")).Should().Be("Aitäh! Küsimus on antud üle: Mari Maasikas.");

        // The colleague's own request, and the coordinator's notice naming who handed what to whom, with the note.
        var mail = await _smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
        var toColleague = mail.Single(m => m.To.Mailboxes.Single().Address == Colleague);
        toColleague.Subject.Should().Be("Kooli võrgustik: palun vasta – Kas osaled võrgustikus?");
        toColleague.TextBody.Should().Contain("Tere, Mari Maasikas!").And.Contain($"Liige 1 andis selle küsimuse sulle edasi ja kirjutas: „{Note}“");
        var notice = mail.Single(m => m.To.Mailboxes.Single().Address == AskScenario.CoordinatorEmail);
        notice.Subject.Should().Be("Kooli võrgustik: Liige 1 andis küsimuse edasi: Mari Maasikas");
        notice.TextBody.Should().Contain($"Liige 1 andis küsimuse „Kas osaled võrgustikus?“ üle kolleegile Mari Maasikas ({Colleague}), kes vastab nüüd tema asemel.")
            .And.Contain("Mari Maasikas lisati võrgustikku (haridus).").And.Contain($"Märkus: {Note}");

        // The old link: a clear page saying to whom, no form; an answer from the form opened before counts nowhere.
        await page.GotoAsync(link);
        (await page.InnerTextAsync("main h2")).Should().Be("See küsimus on antud üle: Mari Maasikas");
        (await page.Locator("form.answer").CountAsync()).Should().Be(0);
        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty();
        await new Screens(_folder, output).ShotAsync(page, "handed-over.png");
        var late = await AskScenario.PostAsync(oldTab, link, oldForm, ("join", "yes"));
        late.StatusCode.Should().Be(HttpStatusCode.Gone);
        WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()).Should().Contain("See küsimus on antud üle: Mari Maasikas");
        await page.GotoAsync(link + "?lang=en");
        (await page.InnerTextAsync("main h2")).Should().Be("This request was handed to Mari Maasikas");

        // The colleague answers with their own link; the step still waits for member 2, now one of two with Mari.
        await page.GotoAsync(Address + LinkTo([toColleague], Colleague).TrimStart('/'));
        (await page.InnerTextAsync("main")).Should().Contain("Liige 1 andis selle küsimuse sulle edasi.");
        await page.GetByLabel("Jah", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Saada vastus" }).ClickAsync();
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Aitäh! Vastus on salvestatud.");
        var step = (await _scenario.NetworkAsync(network))["openSteps"]![0]!;
        (step["asked"]!.GetValue<int>(), step["answered"]!.GetValue<int>()).Should().Be((2, 1), "the colleague counts in the member's place");
        step["respondents"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().BeEquivalentTo("Liige 2", "Mari Maasikas");

        // Member 2 answers: the step completes as it would have with both original members.
        (await _scenario.AnswerAsync(Address + LinkTo(asked, AskScenario.Email(2)).TrimStart('/'), join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var instance = await _scenario.InstanceAsync(network);
        instance["waiting"]!.AsArray().Select(w => w!["activityId"]!.GetValue<string>()).Should().Equal("after");
        var answers = instance["variables"]!["ask"]!;
        (answers["asked"]!.GetValue<int>(), answers["answered"]!.GetValue<int>()).Should().Be((2, 2));
        answers["answers"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).Should().BeEquivalentTo("Mari Maasikas", "Liige 2");

        var detail = await _scenario.NetworkAsync(network);
        var mari = detail["members"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == Colleague)!;
        (mari["name"]!.GetValue<string>(), mari["sector"]!.GetValue<string>()).Should().Be(("Mari Maasikas", "Education"), "the colleague joins in the member's sector");
        detail["members"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == AskScenario.Email(1))!["status"]!.GetValue<string>()
            .Should().Be("Invited", "the member who handed on stays in the network");
        var history = Texts(detail);
        history.Should().Contain("Liige 1 andis küsimuse „Kas osaled võrgustikus?“ üle kolleegile Mari Maasikas, kes vastab tema asemel ja lisati võrgustikku.");
        Texts(await _scenario.NetworkAsync(network, "en"))
            .Should().Contain("Liige 1 handed the request “Will you take part in the network?” to a colleague, Mari Maasikas, who answers in their place and joined the network.");
        WebUtility.HtmlDecode(await _scenario.Api.GetStringAsync($"/networks/{id}"))
            .Should().Contain("Liige 1 andis küsimuse „Kas osaled võrgustikus?“ üle kolleegile Mari Maasikas, kes vastab tema asemel ja lisati võrgustikku.");
        _smtp.Messages().Should().HaveCount(4, "nobody else was mailed");
    }

    [Fact]
    public async Task An_answered_request_is_not_handed_on_nor_one_to_someone_already_asked_and_a_chain_stops_after_three()
    {
        await _scenario.LaunchAsync(3);
        var asked = await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));
        string LinkOf(IEnumerable<MimeMessage> mail, string to) => Address + LinkTo(mail, to).TrimStart('/');

        // Answered: no hand-over offered; one posted anyway is refused with the answer kept.
        var first = LinkOf(asked, AskScenario.Email(1));
        using var member1 = _scenario.Browser();
        var (_, _, form1) = await AskScenario.OpenAsync(member1, first);
        (await AskScenario.PostAsync(member1, first, form1, ("join", "yes"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, answeredPage, answeredForm) = await AskScenario.OpenAsync(member1, first);
        answeredPage.Should().NotContain("Anna üle");
        var refused = await HandOverAsync(member1, first, answeredForm, "Mari Maasikas", Colleague);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("Seda küsimust ei saa edasi anda");

        // In English: someone already asked, the member's own address, the coordinator's address, each beside the field.
        var second = LinkOf(asked, AskScenario.Email(2)) + "?lang=en";
        using var member2 = _scenario.Browser();
        var (_, englishPage, form2) = await AskScenario.OpenAsync(member2, second);
        WebUtility.HtmlDecode(englishPage).Should().Contain("Not the right person, or away? Hand this request to a colleague").And.Contain("Colleague's email");
        foreach (var (email, error) in new[]
                 {
                     (AskScenario.Email(1), "Liige 1 is already asked this: hand it to someone else."),
                     (AskScenario.Email(2), "This is your own address: write your colleague's."),
                     (AskScenario.CoordinatorEmail, "This is the coordinator's address: the coordinator is told anyway; hand the request to a colleague."),
                 })
        {
            var response = await HandOverAsync(member2, second, form2, "Someone", email);
            response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(error);
        }
        var empty = await HandOverAsync(member2, second, form2, " ", "");
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).Should().Contain("Write your colleague's name.").And.Contain("This is not a valid email address.");

        // Member 3's request handed on three times in a row; the fourth is refused.
        var link = LinkOf(asked, AskScenario.Email(3));
        for (var i = 1; i <= 3; i++)
        {
            using var holder = _scenario.Browser();
            var (_, _, form) = await AskScenario.OpenAsync(holder, link);
            (await HandOverAsync(holder, link, form, $"Kolleeg {i}", $"kolleeg{i}@kool.example")).StatusCode.Should().Be(HttpStatusCode.Redirect);
            link = LinkOf(await _smtp.WaitForMessagesAsync(3 + 2 * i, TimeSpan.FromSeconds(30)), $"kolleeg{i}@kool.example");
        }
        using var last = _scenario.Browser();
        var (_, lastPage, lastForm) = await AskScenario.OpenAsync(last, link);
        // Member 3 reads English, and so do the colleagues their request was handed to.
        WebUtility.HtmlDecode(lastPage).Should().Contain("Kolleeg 2 handed this request on to you.");
        var tooMany = await HandOverAsync(last, link, lastForm, "Kolleeg 4", "kolleeg4@kool.example");
        tooMany.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()).Should().Contain("This request has been handed on 3 times already; write to the coordinator.");
        _smtp.Messages().Should().HaveCount(9, "three hand-overs, each one mail to the colleague and one to the coordinator");
    }

    [Fact]
    public async Task A_request_handed_to_a_member_not_asked_in_the_step_goes_to_them_as_the_network_knows_them_and_adds_nobody()
    {
        var network = await _scenario.LaunchAsync(2);
        var id = network["id"]!.GetValue<Guid>();
        var asked = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        // Added through the API after the step started, and not asked in it.
        (await _scenario.Api.PostAsync($"/api/networks/{id}/members", System.Net.Http.Json.JsonContent.Create(
            new { name = "Liige 4", email = "liige4@kool.example", sector = "Health", language = "en" }))).EnsureSuccessStatusCode();

        var link = Address + LinkTo(asked, AskScenario.Email(1)).TrimStart('/');
        using var member = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(member, link);
        (await HandOverAsync(member, link, form, "Keegi Teine", "LIIGE4@kool.example")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var mail = await _smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
        var toMember = mail.Single(m => m.To.Mailboxes.Single().Address == "liige4@kool.example");
        toMember.Subject.Should().Be("Kooli võrgustik: please answer – Will you take part in the network?", "they are asked in their own language");
        toMember.TextBody.Should().Contain("Hello, Liige 4!").And.Contain("Liige 1 handed this request on to you.");
        var detail = await _scenario.NetworkAsync(network);
        detail["members"]!.AsArray().Should().HaveCount(3, "nobody is added twice");
        detail["openSteps"]![0]!["respondents"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().BeEquivalentTo("Liige 2", "Liige 4");
        Texts(detail).Should().Contain("Liige 1 andis küsimuse „Kas osaled võrgustikus?“ üle kolleegile Liige 4, kes vastab tema asemel.");
    }

    private static Task<HttpResponseMessage> HandOverAsync(HttpClient browser, string link, AskScenario.Form? form, string name, string email, string note = "") =>
        AskScenario.PostAsync(browser, link + (link.Contains('?') ? "&" : "?") + "handler=handOver", form, ("name", name), ("email", email), ("note", note));

    private static List<string> Texts(JsonObject network) => network["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>()).ToList();

    private static string LinkTo(IEnumerable<MimeMessage> mail, string address) =>
        mail.Where(m => m.To.Mailboxes.Single().Address == address).Select(m => AskScenario.LinkIn(m.TextBody ?? "")).Single(l => l != "");
}
