using Koostoo.EndToEnd.Tests.Coordinator;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Versions;

/// <summary>
/// In headless Chromium: the admin's list of incidents shows the faulted network with its step, error and time; running
/// the step again before a fix says it stopped again; continuing with a chosen outcome empties the list. The coordinator
/// sees the error on the network's page.
/// </summary>
public sealed class IncidentsPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_admin_sees_the_incident_runs_the_step_again_then_continues_it_and_the_coordinator_sees_it_on_the_network_page()
    {
        var network = await AskAndCheck.FaultedNetworkAsync(_host.Scenario);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Desktop, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        var screens = new Screens(_host.Folder, output);

        await page.GotoAsync($"{_host.Address}networks/{network["id"]}");
        var notice = await page.InnerTextAsync(".incident");
        notice.Should().Contain("Töövoog peatus vea tõttu").And.Contain("Samm „Kas keegi osaleb?“ peatus");

        await page.GotoAsync($"{_host.Address}admin/incidents");
        var card = page.Locator($".incident[data-instance='{network["workflowInstanceId"]}']");
        var text = await card.InnerTextAsync();
        text.Should().Contain("Kooli võrgustik").And.Contain("ask-and-check v1").And.Contain("Kas keegi osaleb?").And.Contain("(check, If)");
        (await card.Locator("pre.fault").InnerTextAsync()).Should().Contain("true");
        await screens.ShotAsync(page, "incidents.png");

        await card.GetByRole(AriaRole.Button, new() { Name = "Käivita samm uuesti" }).ClickAsync();
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Samm peatus taas veaga");
        (await page.Locator(".incident").CountAsync()).Should().Be(1);

        await card.Locator("select[name=outcome]").SelectOptionAsync("False");
        await card.GetByRole(AriaRole.Button, new() { Name = "Jätka", Exact = true }).ClickAsync();
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Töövoog jätkus valitud väljundiga.");
        (await page.InnerTextAsync("main")).Should().Contain("Ühtegi töövoogu pole vea tõttu peatunud.");
        (await _host.Scenario.InstanceAsync(network))["result"]!.GetValue<string>().Should().Be("Nobody");
    }
}
