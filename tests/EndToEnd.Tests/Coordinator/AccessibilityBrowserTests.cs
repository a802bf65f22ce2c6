using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>
/// axe-core (the designer's development dependency, src/Designer/node_modules) checks the pages a coordinator and a
/// member use, on a phone, against WCAG 2 A and AA: text contrast of at least 4.5:1, names for every control and
/// image, a language on every page. The page's own policy forbids injected script, so this browser ignores it.
/// </summary>
public sealed class AccessibilityBrowserTests : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_coordinators_and_the_members_pages_pass_axe_cores_wcag_a_and_aa_rules_on_a_phone()
    {
        var network = await _host.Scenario.LaunchAsync(4, definitionId: "network-lifecycle");
        var links = await _host.Scenario.LinksAsync();
        using (var member = _host.NewBrowser())
        {
            var link = links[AskScenario.Email(1)];
            var (_, _, form) = await AskScenario.OpenAsync(member, link);
            await AskScenario.PostAsync(member, link, form, ("answer", "accept"));
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Screens.Phone, BypassCSP = true, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        foreach (var path in new[] { "/", "/account/login", "/networks", "/networks/new", $"/networks/{network["id"]}", $"/networks/{network["id"]}?lang=en", "/board",
                     links[AskScenario.Email(2)], links[AskScenario.Email(3)] })
        {
            await page.GotoAsync($"{_host.Address.ToString().TrimEnd('/')}{path}");
            violations.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        violations.Should().BeEmpty();

        // The tab shows the service's own icon, not a browser's blank page.
        var icon = await page.EvaluateAsync<string>("document.querySelector('link[rel=icon]').href");
        var served = await page.GotoAsync(icon);
        served!.Status.Should().Be(200);
        served.Headers["content-type"].Should().StartWith("image/svg+xml");
    }
}
