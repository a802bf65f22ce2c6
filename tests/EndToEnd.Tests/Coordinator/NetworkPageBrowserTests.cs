using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Meetings;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>The network page with a goal, a plan and a meeting, on a phone and a desktop: overdue actions stand out, nothing overflows.</summary>
public sealed class NetworkPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Overdue_actions_are_highlighted_and_the_page_fits_a_phone_and_a_desktop()
    {
        var network = await _host.Scenario.LaunchAsync(8, definitionId: "network-lifecycle");
        var id = network["id"]!.GetValue<Guid>();
        var links = await _host.Scenario.LinksAsync();
        foreach (var i in new[] { 1, 2, 3 })
        {
            using var member = _host.NewBrowser();
            var link = links[AskScenario.Email(i)];
            var (_, _, form) = await AskScenario.OpenAsync(member, link);
            await AskScenario.PostAsync(member, link, form, ("answer", "accept"));
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn")).DateTime);
        await _host.WithDbAsync(async db =>
        {
            db.Add(new Goal
            {
                NetworkId = id, Draft = 1, Problem = "Vallas langeb igal aastal koolist välja 12 õpilast.",
                Specific = "Põhikooli lõpetamata jätnud noored", Measurable = "Väljalangejaid alla 6 aastas", Ambitious = "Poole võrra vähem",
                Realistic = "Koolil, noortekeskusel ja lastekaitsel on inimesed olemas", TimeBound = new DateOnly(2027, 6, 30),
                Status = GoalStatus.Approved, VotesFor = 6, VotesAgainst = 1, ProposedAt = DateTimeOffset.UtcNow.AddDays(-10),
            });
            db.Add(new ActionItem { NetworkId = id, What = "Riskinoorte kaardistus", OwnerName = "Liige 1", DueOn = today.AddDays(-3), Status = ActionStatus.OnTrack });
            db.Add(new ActionItem { NetworkId = id, What = "Vanemate infoõhtu", OwnerName = "Liige 2", DueOn = today, Status = ActionStatus.Confirmed });
            db.Add(new ActionItem { NetworkId = id, What = "Noortekeskuse lahtiste uste päev", OwnerName = "Liige 3", DueOn = today.AddDays(-5), Status = ActionStatus.Done });
            db.Add(new Meeting { NetworkId = id, Title = "Võrgustiku kohtumine", StartsAt = DateTimeOffset.UtcNow.AddDays(7), EndsAt = DateTimeOffset.UtcNow.AddDays(7).AddHours(2), Place = "Vallamaja saal" });
            return await db.SaveChangesAsync();
        });

        var detail = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!;
        detail["actions"]!.AsArray().Select(a => (a!["what"]!.GetValue<string>(), a["overdue"]!.GetValue<bool>())).Should().BeEquivalentTo(new[]
        {
            ("Riskinoorte kaardistus", true), ("Vanemate infoõhtu", false), ("Noortekeskuse lahtiste uste päev", false),
        }, "overdue is past its due date and not done; due today is not overdue yet");
        detail["goal"]!["status"]!.GetValue<string>().Should().Be("Approved");
        detail["meetings"]!.AsArray().Should().ContainSingle();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var screens = new Screens(_host.Folder, output);
        foreach (var (viewport, name) in new[] { (Screens.Phone, "network-phone.png"), (Screens.Desktop, "network-desktop.png") })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
            await page.GotoAsync($"{_host.Address}networks/{id}");
            (await page.Locator(".actions .overdue").AllInnerTextsAsync()).Should().ContainSingle().Which.Should().Contain("Riskinoorte kaardistus").And.Contain("tähtaeg möödas");
            (await page.InnerTextAsync(".goal")).Should().Contain("kinnitatud").And.Contain("Poole võrra vähem");
            (await page.InnerTextAsync(".stages [aria-current=step]")).Should().Contain("Kokkukutsumine");
            (await page.InnerTextAsync("main")).Should().Contain("Vastanud 3 / 8").And.Contain("Võrgustiku kohtumine");
            (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"))
                .Should().BeTrue($"nothing is wider than the {viewport.Width}px screen");
            var chart = await page.Locator(".step .answer-chart svg").BoundingBoxAsync();
            chart.Should().NotBeNull("the waiting step shows how its answers came in");
            chart!.Width.Should().BeLessThanOrEqualTo(viewport.Width);
            (await page.InnerTextAsync(".step .answer-chart figcaption")).Should().Contain("8-st vastas 3");
            await screens.ShotAsync(page, name);
        }

        // The board: the same network's silent five and its overdue action, on a phone and a desktop.
        foreach (var (viewport, name) in new[] { (Screens.Phone, "board-phone.png"), (Screens.Desktop, "board-desktop.png") })
        {
            var board = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
            await board.GotoAsync($"{_host.Address}board");
            (await board.InnerTextAsync("main")).Should().Contain("Riskinoorte kaardistus").And.Contain("Vastanud 3/8")
                .And.Contain("etapp 1/7: Kokkukutsumine", "the network's place among its stages, in words beside its timeline");
            (await board.Locator(".timeline li").CountAsync()).Should().Be(7);
            (await board.Locator(".timeline li.current").CountAsync()).Should().Be(1);
            (await board.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue($"the board fits the {viewport.Width}px screen");
            await screens.ShotAsync(board, name);
        }
    }
}
