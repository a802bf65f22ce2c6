using Koostoo.EndToEnd.Tests.Coordinator;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>The main pages and the designer in Chromium under the Content-Security-Policy: nothing they need is refused.</summary>
public sealed class CspBrowserTests : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        await _host.Scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_pages_and_the_designer_load_without_a_policy_violation()
    {
        var network = await _host.Scenario.LaunchAsync(2);
        var link = (await _host.Scenario.LinksAsync())[AskScenario.Email(1)];
        var mail = Path.GetFileNameWithoutExtension(Directory.GetFiles(_host.Folder["mail"], "*.eml")[0]);
        string[] pages =
        [
            "/", link, "/networks", "/networks/new", $"/networks/{network["id"]}", $"/networks/{network["id"]}/sheets/plan",
            $"/networks/{network["id"]}/meetings/new", "/mailbox", $"/mailbox/{mail}", "/designer/", "/designer/definitions/network-lifecycle",
        ];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add($"{page.Url}: {message.Text}");
        };
        // Injected by the browser itself, so the policy does not apply to it: it hears every violation the page reports.
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        foreach (var address in pages)
        {
            await page.GotoAsync(_host.Address + address.TrimStart('/'), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            if (address.StartsWith("/designer/definitions", StringComparison.Ordinal))
                await page.WaitForSelectorAsync(".react-flow__node", new PageWaitForSelectorOptions { Timeout = 30_000 });
            var violations = await page.EvaluateAsync<string[]>("window.__violations");
            refused.AddRange(violations.Select(v => $"{address}: {v}"));
        }

        refused.Should().BeEmpty();
    }
}
