using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Koostoo.Designer.Tests;

/// <summary>
/// Issue 7's scenario in a real browser against the real host: an admin changes the shipped workflow and publishes it;
/// instances already running keep their version, new ones run the new one.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class AdminScenarioTests(DesignerHost host)
{
    // The shipped definition the scenario edits and its waiting step. When workflows/network-lifecycle.json ships,
    // these two lines are what changes.
    private const string DefinitionId = "sample-approval";
    private const string WaitingStep = "a";
    private const string NewStepType = "WaitForSignal";
    private const string NewStepRequiredInput = "signal";

    [Fact]
    public async Task Admin_adds_a_reminder_and_a_step_fixes_the_reported_problem_and_publishes_the_next_version()
    {
        var before = await host.GetAsync($"/api/workflow-definitions/{DefinitionId}");
        var published = before["version"]!.GetValue<int>();
        var original = before["definition"]!.AsObject();
        var runningBefore = await host.StartInstanceAsync(DefinitionId);
        runningBefore["definitionVersion"]!.GetValue<int>().Should().Be(published);

        var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
        await designer.OpenListAsync();
        await designer.Page.Locator($"tr[data-definition-id='{DefinitionId}'] .published-version").InnerTextAsync()
            .ContinueWith(t => t.Result.Should().Be(published.ToString()));
        await designer.OpenFromListAsync(DefinitionId);
        (await designer.Page.Locator(".react-flow__node").CountAsync()).Should().Be(original["activities"]!.AsArray().Count);
        await designer.ScreenshotAsync("1-opened");

        // A reminder on the waiting step.
        await designer.SelectAsync(WaitingStep);
        await designer.Field("reminders").Locator("button.small").ClickAsync();
        await designer.Field("reminders").Locator("input").Last.FillAsync("P1D");

        // A new step from the palette, laid out with the rest, connected after the waiting step's timeout.
        await designer.AddFromPaletteAsync(NewStepType);
        var newStep = await designer.Page.Locator(".panel #activity-id").InputValueAsync();
        newStep.Should().StartWith("wait-for-signal-");
        await designer.ClickAsync("Paiguta");
        await designer.Page.WaitForTimeoutAsync(300);
        await designer.ScreenshotAsync("2a-laid-out");
        await designer.ConnectAsync(WaitingStep, "Timeout", newStep);
        await designer.Page.Locator($".react-flow__edge[data-id] >> text=Timeout").First.WaitForAsync();

        // Saved without its required input: the server's problem lands on the new node and on the field.
        await designer.ClickAsync("Salvesta mustand");
        await designer.Node(newStep).Locator(".activity-node.has-problem").WaitForAsync();
        (await designer.Node(newStep).InnerTextAsync()).Should().Contain($"'{NewStepRequiredInput}' is required");
        (await designer.Field(NewStepRequiredInput).GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("required");
        await designer.ScreenshotAsync("2-problem-shown");

        await designer.Page.Locator($"#input-{newStep}-{NewStepRequiredInput}").FillAsync("escalate");
        await designer.ClickAsync("Salvesta mustand");
        await designer.Status.Filter(new() { HasText = "Mustand salvestatud" }).WaitForAsync();
        (await designer.Node(newStep).Locator(".has-problem").CountAsync()).Should().Be(0);

        // The comparison names what changed before it goes live.
        await designer.ClickAsync("Võrdle avaldatuga");
        var diff = designer.Page.GetByRole(AriaRole.Dialog);
        (await diff.InnerTextAsync()).Should().Contain(newStep).And.Contain("inputs.reminders").And.Contain($"{WaitingStep} —Timeout→ {newStep}");
        await designer.ScreenshotAsync("3-compare");
        await diff.GetByRole(AriaRole.Button).ClickAsync();

        await designer.ClickAsync("Avalda");
        await designer.Status.Filter(new() { HasText = $"Avaldatud versioonina {published + 1}" }).WaitForAsync();
        (await designer.Page.Locator(".toolbar .published-version").InnerTextAsync()).Should().Be((published + 1).ToString());
        await designer.ScreenshotAsync("4-published");

        // What was published is the edit and nothing else: every other member of the definition is as it was.
        var next = (await host.GetAsync($"/api/workflow-definitions/{DefinitionId}/versions/{published + 1}"))["definition"]!.AsObject();
        AssertOnlyTheEditsChanged(original, next, newStep);

        var startedAfter = await host.StartInstanceAsync(DefinitionId);
        startedAfter["definitionVersion"]!.GetValue<int>().Should().Be(published + 1);
        var stillRunning = await host.GetAsync($"/api/workflow-instances/{runningBefore["id"]}");
        stillRunning["definitionVersion"]!.GetValue<int>().Should().Be(published);
    }

    private static void AssertOnlyTheEditsChanged(JsonObject original, JsonObject next, string newStep)
    {
        foreach (var (name, value) in original.Where(p => p.Key is not ("version" or "activities" or "connections")))
            JsonNode.DeepEquals(value, next[name]).Should().BeTrue($"'{name}' was not edited");

        var activities = next["activities"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());
        foreach (var before in original["activities"]!.AsArray().Select(a => a!.AsObject()))
        {
            var after = activities[before["id"]!.GetValue<string>()].DeepClone().AsObject();
            var expected = before.DeepClone().AsObject();
            after.Remove("designer"); // the Layout button moved everything
            expected.Remove("designer");
            if (expected["id"]!.GetValue<string>() == WaitingStep)
                expected["inputs"]!.AsObject()["reminders"] = new JsonArray("P1D");
            JsonNode.DeepEquals(after, expected).Should().BeTrue($"only the reminder was edited, but got {after.ToJsonString()}");
        }
        activities[newStep]["inputs"]!.ToJsonString().Should().Be("{\"signal\":\"escalate\"}");
        activities[newStep]["type"]!.GetValue<string>().Should().Be(NewStepType);

        var connections = next["connections"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        connections.Should().Equal(original["connections"]!.AsArray().Select(c => c!.ToJsonString())
            .Append(new JsonObject { ["from"] = WaitingStep, ["outcome"] = "Timeout", ["to"] = newStep }.ToJsonString()));
    }
}
