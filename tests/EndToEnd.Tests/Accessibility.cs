using System.Text.Json;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests;

/// <summary>
/// axe-core's WCAG 2 A and AA rules on the page as it is now. The script is the designer's development dependency
/// (src/Designer/node_modules), injected inline, so the page's context needs <c>BypassCSP</c>.
/// </summary>
public static class Accessibility
{
    private static readonly string Script = Path.Combine(Repository.Root, "src", "Designer", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Each violation as "rule: element (what fails)"; empty when the page passes.</summary>
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations" +
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')').join('; '))");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
