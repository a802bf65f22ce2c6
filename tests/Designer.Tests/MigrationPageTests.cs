using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Koostoo.Designer.Tests;

/// <summary>
/// The admin moves two running networks to a new version in the designer, in Chromium: the dry run shows both blocked by a
/// renamed step, the step is mapped by hand, the dry run again shows what waits before and after, the added reminder and
/// the links that stay valid, and only then are they moved.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class MigrationPageTests(DesignerHost host)
{
    private const string DefinitionId = "migration-demo";

    private static JsonObject Definition(string askId, params string[] reminders) => new()
    {
        ["id"] = DefinitionId,
        ["name"] = new JsonObject { ["et"] = "Ülevõtmise näide", ["en"] = "Migration example" },
        ["activities"] = new JsonArray(
            new JsonObject
            {
                ["id"] = askId, ["type"] = "AskMembers",
                ["inputs"] = new JsonObject
                {
                    ["question"] = new JsonObject { ["et"] = "Kas osaled?", ["en"] = "Will you take part?" },
                    ["fields"] = new JsonArray(new JsonObject { ["name"] = "join", ["type"] = "yesNo", ["required"] = true, ["label"] = new JsonObject { ["et"] = "Osalen", ["en"] = "I take part" } }),
                    ["deadline"] = "P5D",
                    ["reminders"] = new JsonArray(reminders.Select(r => (JsonNode)r).ToArray()),
                },
            },
            new JsonObject { ["id"] = "after", ["type"] = "WaitForSignal", ["inputs"] = new JsonObject { ["signal"] = "next" } }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = askId, ["outcome"] = "Done", ["to"] = "after" },
            new JsonObject { ["from"] = askId, ["outcome"] = "Timeout", ["to"] = "after" }),
    };

    [Fact]
    public async Task The_admin_sees_the_dry_run_maps_the_renamed_step_by_hand_and_moves_the_networks()
    {
        (await host.Http.PostAsJsonAsync("/api/workflow-definitions", Definition("ask", "P2D"))).EnsureSuccessStatusCode();
        (await host.Http.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", null)).EnsureSuccessStatusCode();
        var first = await host.LaunchNetworkAsync(DefinitionId, "Kooli võrgustik");
        var second = await host.LaunchNetworkAsync(DefinitionId, "Noorte võrgustik");
        (await host.Http.PutAsJsonAsync($"/api/workflow-definitions/{DefinitionId}", Definition("ask-members", "P2D", "P3D"))).EnsureSuccessStatusCode();
        (await host.Http.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", null)).EnsureSuccessStatusCode();

        var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
        var page = designer.Page;
        await page.GotoAsync($"{host.Url}/designer/definitions/{DefinitionId}");
        await designer.WaitForFlowchartAsync();
        await designer.ClickAsync("Vii käimasolevad üle…");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Käimasolevad uuele versioonile" }).WaitForAsync();
        (await page.Locator(".migrate-choice select").First.Locator("option:checked").InnerTextAsync()).Should().Be("v1 (2 käib, 0 veaga)");
        (await page.Locator(".migrate-choice select").Nth(1).InputValueAsync()).Should().Be("2");
        (await page.Locator("table.instances tbody tr").AllInnerTextsAsync()).Should().HaveCount(2)
            .And.Contain(r => r.Contains("Kooli võrgustik")).And.Contain(r => r.Contains("Noorte võrgustik"));
        var move = page.GetByRole(AriaRole.Button, new() { Name = "Vii üle (0)" });
        (await move.IsDisabledAsync()).Should().BeTrue("nothing is moved before a dry run");

        await designer.ClickAsync("Proovi läbi");
        await page.GetByText("Proovi tulemus (midagi pole muudetud)").WaitForAsync();
        (await page.Locator(".instance-report.status-blocked").CountAsync()).Should().Be(2);
        (await page.Locator(".instance-report .reason").First.InnerTextAsync()).Should().Contain("Samm „ask“ (AskMembers) ootab, kuid versioonis 2 seda ei ole", "the report speaks the designer's language");
        (await page.Locator(".mapping tr[data-step='ask']").InnerTextAsync()).Should().Contain("— vali samm —");

        await page.GetByLabel("ask uues versioonis").SelectOptionAsync("ask-members");
        await page.GetByText("Valik muutus: proovi uuesti läbi, enne kui üle viid.").WaitForAsync();
        await designer.ClickAsync("Proovi läbi");
        var ready = page.Locator($".instance-report.status-ready[data-instance='{first["workflowInstanceId"]}']");
        await ready.WaitForAsync();
        (await page.Locator(".instance-report.status-ready").CountAsync()).Should().Be(2);
        var text = await ready.InnerTextAsync();
        text.Should().Contain("Ootab praegu (v1)").And.Contain("Ootab pärast (v2)").And.Contain("ask-members").And.Contain("2 vastust oodata");
        (await ready.Locator(".timer-changes .diff-added").InnerTextAsync()).Should().StartWith("+ meeldetuletus").And.EndWith("(lisandub)");
        (await ready.Locator(".links").InnerTextAsync()).Should().Contain("ask-members: 2 palvet (0 vastatud), 2 linki – jäävad kehtima");
        (await host.GetAsync($"/api/networks/{first["id"]}"))["workflowVersion"]!.GetValue<int>().Should().Be(1, "the dry run changed nothing");
        await designer.ScreenshotAsync("migration-dry-run");

        await designer.ClickAsync("Vii üle (2)");
        await page.GetByText("Üleviimise tulemus").WaitForAsync();
        (await page.Locator(".instance-report.status-migrated").CountAsync()).Should().Be(2);
        foreach (var network in new[] { first, second })
        {
            var moved = await host.GetAsync($"/api/networks/{network["id"]}");
            moved["workflowVersion"]!.GetValue<int>().Should().Be(2);
            moved["openSteps"]!.AsArray().Single()!["activityId"]!.GetValue<string>().Should().Be("ask-members");
        }
        (await page.Locator("table.instances tbody tr").CountAsync()).Should().Be(0, "no instance runs version 1 any more");
    }
}
