using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>
/// A review of the network, as the networks that reviewed themselves did it: eight members rate its functions and say
/// what they expect, through the links in real mail; the coordinator reads the weakest parts first on the network
/// page in headless Chromium, in the API and in the work sheet, and a repeat shows what moved.
/// </summary>
public sealed class NetworkReviewTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Coordinator = AskScenario.CoordinatorEmail;
    private MailedHost _host = null!;

    public async Task InitializeAsync() => _host = await MailedHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Eight_members_review_the_network_and_the_coordinator_reads_its_weakest_parts_first_then_a_repeat_shows_what_moved()
    {
        var id = await SchoolNetwork.LaunchAsync(_host.Scenario.Api);
        await _host.Mail.NewAsync(8); // the invitations; the review does not wait for the stage

        // The coordinator starts the review from the network page.
        var page = await _host.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Phone, BypassCSP = true, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Alusta ülevaadet" }).ClickAsync();
        await page.WaitForURLAsync("**/networks/*?done=review-started");
        (await page.InnerTextAsync("section.review")).Should().Contain("Ülevaade nr 1").And.Contain("käimas: vastanud 0 / 8");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Alusta ülevaadet" }).CountAsync()).Should().Be(0, "one review at a time");
        var second = await _host.Scenario.Api.PostAsync($"/api/networks/{id}/reviews", null);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict, "a review is already open");
        (await second.Content.ReadAsStringAsync()).Should().Contain("Üks ülevaade on juba käimas");

        // Another coordinator may neither start nor read this network's review.
        using var other = await _host.App.CoordinatorClientAsync("teine@vald.example");
        other.BaseAddress = new Uri(_host.Url);
        (await other.PostAsync($"/api/networks/{id}/reviews", null)).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/networks/{id}/reviews")).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        var requests = await _host.Mail.NewAsync(8);
        requests.Select(m => m.Subject).Should().AllSatisfy(s => s.Should().Contain("Võrgustiku ülevaade"));

        // The board lists the review's silent eight beside the network's own waiting step, and reminds them in one go.
        var board = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>("/api/board"))!["steps"]!.AsArray()
            .Where(s => s!["networkId"]!.GetValue<Guid>() == id).ToDictionary(s => s!["activityId"]!.GetValue<string>());
        board.Keys.Should().BeEquivalentTo("invite", "review");
        (board["review"]!["question"]!.GetValue<string>(), board["review"]!["silent"]!.AsArray().Count).Should().Be(("Võrgustiku ülevaade: kuidas võrgustik toimib?", 8));
        var reminded = await _host.Scenario.Api.PostAsJsonAsync("/api/board/remind", new { steps = new[] { new { networkId = id, activityId = "review" } } });
        reminded.StatusCode.Should().Be(HttpStatusCode.OK, await reminded.Content.ReadAsStringAsync());
        (await reminded.Content.ReadFromJsonAsync<JsonArray>())!.Single()!["reminded"]!.GetValue<bool>().Should().BeTrue();
        MemberMail.To(await _host.Mail.NewAsync(8)).Should().BeEquivalentTo(Enumerable.Range(1, 8).Select(AskScenario.Email), "each silent member is reminded of the review");

        // Everyone answers: remote areas are the weakest (two leave it empty: not their work), then the target group.
        int[] flow = [3, 3, 4, 4, 3, 3, 4, 4], shared = [2, 3, 2, 3, 2, 3, 2, 3], equal = [4, 4, 4, 4, 5, 5, 5, 5], leader = [5, 5, 5, 5, 4, 4, 4, 4];
        int?[] remote = [1, 2, 1, 2, 1, 2, null, null];
        for (var i = 0; i < 8; i++)
        {
            var fields = new List<(string, string)>
            {
                ("informationFlow", $"{flow[i]}"), ("sharedResponsibility", $"{shared[i]}"), ("equalTreatment", $"{equal[i]}"), ("leaderSupport", $"{leader[i]}"),
                ("targetGroup", "2"),
            };
            if (remote[i] is { } r) fields.Add(("remoteAreas", $"{r}"));
            if (i == 1) fields.Add(("expectations", "Kool tahab teada, kes noorega tegeleb"));
            if (i == 7) fields.Add(("expectations", "Noored tahavad olla kohtumistel ise kohal"));
            await _host.Mail.AnswerAsync(requests, AskScenario.Email(i + 1), [.. fields]);
        }
        var summaryMail = (await _host.Mail.NewAsync(1)).Single();
        MemberMail.To(summaryMail).Should().Be(Coordinator);
        summaryMail.TextBody.Should().Contain("Võrgustiku ülevaatele vastas 8 liiget 8-st").And.Contain($"{_host.Url}/networks/{id}");

        string[] weakestFirst = ["remoteAreas", "targetGroup", "sharedResponsibility", "informationFlow", "equalTreatment", "leaderSupport"];
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        var review = page.Locator("section.review[data-review='1']");
        (await review.InnerTextAsync()).Should().Contain("vastas 8 / 8");
        (await review.Locator("ol.review-functions li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.function)")).Should().Equal(weakestFirst);
        (await review.Locator("li[data-function=remoteAreas]").InnerTextAsync()).Should().Contain("Äärealadeni jõudmine").And.Contain("1,5").And.Contain("6 hinnangut");
        (await review.Locator("ul.expectations").InnerTextAsync()).Should().Contain("haridus: Kool tahab teada, kes noorega tegeleb")
            .And.Contain("sihtrühma esindaja: Noored tahavad olla kohtumistel ise kohal").And.NotContain("Liige", "expectations are read per party, not per name");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("the review fits a 390 px phone");
        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty("the review's meters and lists pass WCAG A and AA");
        (await page.InnerTextAsync("ul.history")).Should().Contain("alustas võrgustiku ülevaadet nr 1: 8 liiget")
            .And.Contain("Vastamata liikmetele saadeti meeldetuletus: „Võrgustiku ülevaade: kuidas võrgustik toimib?“.").And.Contain("Võrgustiku ülevaade nr 1 lõppes: vastas 8 liiget 8-st.");

        // The repeat: remote areas improved; the summary compares with the first review.
        var started = await _host.Scenario.Api.PostAsync($"/api/networks/{id}/reviews?lang=en", null);
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        (await started.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>().Should().Be(2);
        var repeat = await _host.Mail.NewAsync(8);
        for (var i = 0; i < 8; i++)
            await _host.Mail.AnswerAsync(repeat, AskScenario.Email(i + 1), ("informationFlow", "3"), ("sharedResponsibility", "3"), ("equalTreatment", "4"), ("leaderSupport", "4"),
                ("remoteAreas", "4"), ("targetGroup", "2"));
        await _host.Mail.NewAsync(1);

        var reviews = (await _host.Scenario.Api.GetFromJsonAsync<JsonArray>($"/api/networks/{id}/reviews?lang=en"))!;
        reviews.Select(r => r!["number"]!.GetValue<int>()).Should().Equal(2, 1);
        var latest = reviews[0]!["functions"]!.AsArray();
        latest[0]!["function"]!.GetValue<string>().Should().Be("targetGroup", "now the weakest");
        var remoteNow = latest.Single(f => f!["function"]!.GetValue<string>() == "remoteAreas")!;
        (remoteNow["name"]!.GetValue<string>(), remoteNow["average"]!.GetValue<decimal>(), remoteNow["previousAverage"]!.GetValue<decimal>(), remoteNow["change"]!.GetValue<decimal>())
            .Should().Be(("Reaching remote areas", 4.0m, 1.5m, 2.5m));
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        (await page.InnerTextAsync("section.review[data-review='2'] li[data-function=remoteAreas]")).Should().Contain("eelmisel korral 1,5 (+2,5)");
        await page.GotoAsync($"{_host.Url}/networks/{id}?lang=en");
        (await page.InnerTextAsync("section.review[data-review='2']")).Should().Contain("Review no. 2").And.Contain("8 of 8 answered");
        (await page.InnerTextAsync("section.review[data-review='2'] li[data-function=remoteAreas]")).Should().Contain("Reaching remote areas")
            .And.Contain("4.0").And.Contain("last time 1.5 (+2.5)");
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        await page.Locator("#reviews").ScrollIntoViewIfNeededAsync();
        await page.Locator("section.review[data-review='2']").ScreenshotAsync(new LocatorScreenshotOptions { Path = _host.Folder["review-phone.png"] });
        Screens.Keep(_host.Folder["review-phone.png"], output);

        // The sheet: the newest review first, each weakest first, opened as a workbook.
        using var workbook = new XLWorkbook(await _host.Scenario.Api.GetStreamAsync($"/networks/{id}/sheets/review.xlsx"));
        var sheet = workbook.Worksheets.Single();
        sheet.Cell(1, 1).GetString().Should().Be("Võrgustiku ülevaade: kuidas võrgustik toimib: Kooli võrgustik");
        string[] names = ["Infovahetus", "Jagatud vastutus", "Osapoolte võrdne kohtlemine", "Juhi tugi", "Äärealadeni jõudmine", "Sihtrühma kaasamine"];
        var rows = sheet.RowsUsed().Where(r => names.Contains(r.Cell(1).GetString())).ToList();
        rows.Should().HaveCount(12, "six functions in each of two reviews");
        rows.Skip(6).Select(r => r.Cell(1).GetString()).Should().Equal(
            "Äärealadeni jõudmine", "Sihtrühma kaasamine", "Jagatud vastutus", "Infovahetus", "Osapoolte võrdne kohtlemine", "Juhi tugi");
        var remoteRow = rows.Take(6).Single(r => r.Cell(1).GetString() == "Äärealadeni jõudmine");
        (remoteRow.Cell(2).GetDouble(), remoteRow.Cell(3).GetDouble(), remoteRow.Cell(4).GetDouble(), remoteRow.Cell(5).GetDouble()).Should().Be((4.0, 8, 1.5, 2.5));
        sheet.RowsUsed().Should().Contain(r => r.Cell(2).GetString() == "Noored tahavad olla kohtumistel ise kohal");
    }
}
