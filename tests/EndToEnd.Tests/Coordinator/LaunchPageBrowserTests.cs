using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>A coordinator launches a network from /networks/new in headless Chromium, on the real host.</summary>
public sealed class LaunchPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private CoordinatorHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    private static async Task FillMemberAsync(IPage page, int row, string name, string email, string sector = "Education", string organisation = "")
    {
        await page.FillAsync($"#m{row}-name", name);
        await page.FillAsync($"#m{row}-email", email);
        await page.FillAsync($"#m{row}-organisation", organisation);
        await page.SelectOptionAsync($"#m{row}-sector", sector);
    }

    private static Task<string> ErrorAtAsync(IPage page, string field) => page.InnerTextAsync($"[data-field=\"{field}\"] .error");

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task Bad_input_comes_back_with_each_message_beside_its_field_everything_typed_kept_and_nothing_saved()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Desktop, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        await page.GotoAsync($"{_host.Address}networks/new");
        (await page.Locator(".member-row").CountAsync()).Should().Be(10);
        (await page.InputValueAsync("#agreements")).Should().StartWith("Hoiame kliendi ja pere andmed võrgustiku sees.", "the field's agreements are offered");

        await page.FillAsync("#name", "Kooli võrgustik");
        await page.FillAsync("#coordinatorName", "Kati Kask");
        await page.FillAsync("#coordinatorEmail", "kati@vald.example");
        await FillMemberAsync(page, 0, "Mari Maasikas", "mari@kool.example", organisation: "Vallakool");
        await FillMemberAsync(page, 2, "Jaan Tamm", "jaan@kool", "Social");
        await FillMemberAsync(page, 4, "Teine Mari", "MARI@kool.example", "Health");
        await FillMemberAsync(page, 5, "", "nimeta@kool.example", "Youth");

        await Button(page, "Lisa 5 rida").ClickAsync();
        (await page.Locator(".member-row").CountAsync()).Should().Be(15, "ten rows shown, four filled and compacted to the top, five more added");
        (await page.InputValueAsync("#m0-organisation")).Should().Be("Vallakool");
        (await page.InputValueAsync("#m1-name")).Should().Be("Jaan Tamm", "empty rows in between are dropped");

        await Button(page, "Käivita võrgustik").ClickAsync();
        (await page.InnerTextAsync(".error[role=alert]")).Should().Be("Palun paranda märgitud väljad. Midagi ei salvestatud.");
        (await ErrorAtAsync(page, "purpose")).Should().StartWith("Kirjuta eesmärk enne, kui kedagi kutsud");
        (await ErrorAtAsync(page, "members[1].email")).Should().Be("'jaan@kool' ei ole korrektne e-post.");
        (await ErrorAtAsync(page, "members[2].email")).Should().Be("Sama e-post on juba liikmel 1.");
        (await ErrorAtAsync(page, "members[3].name")).Should().Be("Liikme nimi on puudu.");
        (await page.Locator("[data-field=\"name\"] .error").CountAsync()).Should().Be(0, "the name was given");
        (await page.InputValueAsync("#name")).Should().Be("Kooli võrgustik");
        (await page.InputValueAsync("#m2-name")).Should().Be("Teine Mari");
        (await page.InputValueAsync("#m2-sector")).Should().Be("Health");
        (await page.InputValueAsync("#m3-email")).Should().Be("nimeta@kool.example");
        await new Screens(_host.Folder, output).ShotAsync(page, "launch-errors.png");

        await page.GotoAsync($"{_host.Address}networks/new?lang=en");
        await page.FillAsync("#m0-email", "x");
        await Button(page, "Launch the network").ClickAsync();
        (await ErrorAtAsync(page, "members[0].email")).Should().Be("'x' is not a valid email.", "the page shows the message in its language");

        (await _host.Scenario.Api.GetFromJsonAsync<JsonArray>("/api/networks"))!.Should().BeEmpty();
        (await _host.WithDbAsync(db => db.Set<Koostoo.Networks.Network>().CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Seven_members_get_the_size_notice_launch_anyway_lands_on_the_network_page_in_the_convene_stage()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Phone, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        await page.GotoAsync($"{_host.Address}networks/new");
        await page.FillAsync("#name", "Kooli võrgustik");
        await page.FillAsync("#purpose", "Vähendada koolist väljalangemist vallas");
        await page.SelectOptionAsync("#type", "Preventive");
        await page.FillAsync("#strategyReference", "Valla arengukava 2025–2030");
        await page.FillAsync("#coordinatorName", "Kati Kask");
        await page.FillAsync("#coordinatorEmail", "kati@vald.example");
        string[] sectors = ["Social", "Education", "Health", "Youth", "Education", "Ngo", "TargetGroup"];
        for (var i = 0; i < 7; i++) await FillMemberAsync(page, i, $"Liige {i + 1}", $"liige{i + 1}@kool.example", sectors[i]);

        await Button(page, "Käivita võrgustik").ClickAsync();
        (await page.InnerTextAsync(".notice[role=status]")).Should().Contain("Võrgustikus on 7 liiget; parim töökoosseis on 8–10.")
            .And.NotContain("Keegi ei esinda", "every field's sector is there");
        (await _host.WithDbAsync(db => db.Set<Koostoo.Networks.Network>().CountAsync())).Should().Be(0, "a notice is confirmed before anything is saved");

        await Button(page, "Käivita siiski").ClickAsync();
        await page.WaitForURLAsync("**/networks/*?done=launched");
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Võrgustik on käivitatud");
        (await page.InnerTextAsync(".stages [aria-current=step]")).Should().Contain("Kokkukutsumine");
        (await page.Locator(".stages .done").CountAsync()).Should().Be(0);
        (await page.Locator(".stages li").CountAsync()).Should().Be(7);
        (await page.Locator(".step .silent").AllInnerTextsAsync()).Should().HaveCount(7).And.Contain("Liige 1 – ei ole vastanud");

        var id = page.Url.Split('/')[^1].Split('?')[0];
        var detail = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!;
        detail["type"]!.GetValue<string>().Should().Be("Preventive");
        detail["strategyReference"]!.GetValue<string>().Should().Be("Valla arengukava 2025–2030");
        detail["agreements"]!.AsArray().Should().HaveCount(5, "the offered agreements were kept");
        detail["members"]!.AsArray().Select(m => m!["sector"]!.GetValue<string>()).Should().Equal(sectors);
    }
}
