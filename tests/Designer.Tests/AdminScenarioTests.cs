using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Koostoo.Designer.Tests;

/// <summary>
/// Issue 7's scenario in a real browser against the real host: an admin changes the shipped network lifecycle and
/// publishes it; a network launched before keeps its version, one launched after runs the new one.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class AdminScenarioTests(DesignerHost host)
{
    // The shipped definition the scenario edits: a reminder more on the roles step, and a new question to the members
    // when information gathering times out (beside the existing Timeout to the goal's draft: both branches run).
    private const string DefinitionId = "network-lifecycle";
    private const string RemindedStep = "roles";
    private const string TimedOutStep = "information";
    private const string NewStepType = "AskMembers";

    // What the admin writes into the new step once the server said what it lacks.
    private static readonly JsonObject Question = new() { ["et"] = "Millist infot on veel puudu?", ["en"] = "What information is still missing?" };
    private static readonly JsonObject FieldLabel = new() { ["et"] = "Puuduv info", ["en"] = "Missing information" };

    [Fact]
    public async Task Admin_adds_a_reminder_and_a_step_fixes_the_reported_problem_and_publishes_the_next_version()
    {
        var published = await PublishedVersionAsync();
        var original = (await host.GetAsync($"/api/workflow-definitions/{DefinitionId}/versions/{published}"))["definition"]!.AsObject();
        var launchedBefore = await host.LaunchNetworkAsync(DefinitionId, "Võrgustik enne muudatust");
        launchedBefore["workflowVersion"]!.GetValue<int>().Should().Be(published);

        var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
        await designer.OpenListAsync();
        (await designer.Page.Locator($"tr[data-definition-id='{DefinitionId}'] .published-version").InnerTextAsync()).Should().Be(published.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await designer.OpenFromListAsync(DefinitionId);
        (await designer.Page.Locator(".react-flow__node").CountAsync()).Should().Be(original["activities"]!.AsArray().Count);
        await designer.ScreenshotAsync("1-opened");

        // A third reminder on the roles step.
        await designer.SelectAsync(RemindedStep);
        await designer.Field("reminders").Locator("button.small").ClickAsync();
        await designer.Field("reminders").Locator("input").Last.FillAsync("P1D");

        // A new step from the palette while information gathering is selected, so it joins that stage; moved beside
        // it and connected after its Timeout.
        await designer.SelectAsync(TimedOutStep);
        await designer.AddFromPaletteAsync(NewStepType);
        var newStep = await designer.Page.Locator(".panel #activity-id").InputValueAsync();
        newStep.Should().StartWith("ask-members-");
        (await designer.Page.Locator(".panel #activity-stage").InputValueAsync()).Should().Be(TimedOutStep);
        await designer.DragBesideAsync(newStep, TimedOutStep);
        await designer.ConnectAsync(TimedOutStep, "Timeout", newStep);
        await designer.Page.Locator($".react-flow__edge[aria-label='{TimedOutStep} Timeout → {newStep}']").WaitForAsync();
        await designer.ScreenshotAsync("2a-added-and-connected");

        // Saved without its required inputs: the server's problems land on the new node and on both fields.
        await designer.ClickAsync("Salvesta mustand");
        await designer.Node(newStep).Locator(".activity-node.has-problem").WaitForAsync();
        (await designer.Node(newStep).InnerTextAsync()).Should().Contain("Sisend „question“ on tegevusele AskMembers kohustuslik", "the server answers in the designer's language");
        (await designer.Field("question").GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Sisend „question“ on tegevusele AskMembers kohustuslik");
        (await designer.Field("fields").GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Sisend „fields“ on tegevusele AskMembers kohustuslik");
        await designer.Field("question").ScrollIntoViewIfNeededAsync(); // the panel was last scrolled to the reminders
        await designer.ScreenshotAsync("2-problem-shown");

        // Fixed in the side panel: the question in both languages and one form field, as the member will see them.
        await designer.Page.Locator($"#input-{newStep}-question-et").FillAsync(Question["et"]!.GetValue<string>());
        await designer.Page.Locator($"#input-{newStep}-question-en").FillAsync(Question["en"]!.GetValue<string>());
        await designer.Field("fields").GetByRole(AriaRole.Button, new() { Name = "Lisa: Vormi väljad", Exact = true }).ClickAsync();
        await designer.Page.Locator($"#input-{newStep}-fields-0-name").FillAsync("missing");
        await designer.Page.Locator($"#input-{newStep}-fields-0-type").SelectOptionAsync("longText");
        await designer.Page.Locator($"#input-{newStep}-fields-0-label-et").FillAsync(FieldLabel["et"]!.GetValue<string>());
        await designer.Page.Locator($"#input-{newStep}-fields-0-label-en").FillAsync(FieldLabel["en"]!.GetValue<string>());
        await designer.Page.Locator($"#input-{newStep}-fields-0-required").CheckAsync();
        await designer.ScreenshotAsync("2b-fixed");
        await designer.ClickAsync("Salvesta mustand");
        await designer.Status.Filter(new() { HasText = "Mustand salvestatud" }).WaitForAsync();
        (await designer.Node(newStep).Locator(".has-problem").CountAsync()).Should().Be(0);
        (await designer.Page.Locator(".panel [role=alert]").CountAsync()).Should().Be(0);

        // The comparison names exactly what changed before it goes live: nothing else changed, moved or went away.
        await designer.ClickAsync("Võrdle avaldatuga");
        var diff = designer.Page.GetByRole(AriaRole.Dialog);
        // The comparison renders after the dialog opens; the lists are read once it has.
        await diff.Locator(".diff-added").First.WaitForAsync();
        (await diff.Locator(".diff-changed").AllInnerTextsAsync()).Should().ContainSingle()
            .Which.Should().StartWith(RemindedStep).And.Contain("inputs.reminders");
        (await diff.Locator(".diff-added").AllInnerTextsAsync()).Should().BeEquivalentTo($"{newStep} ({NewStepType})", $"{TimedOutStep} —Timeout→ {newStep}");
        (await diff.Locator(".diff-removed").CountAsync()).Should().Be(0);
        (await diff.InnerTextAsync()).Should().NotContain("Ainult teisaldatud").And.NotContain("Muud muudatused");
        await designer.ScreenshotAsync("3-compare");
        await diff.GetByRole(AriaRole.Button).ClickAsync();

        await designer.ClickAsync("Avalda");
        await designer.Status.Filter(new() { HasText = $"Avaldatud versioonina {published + 1}" }).WaitForAsync();
        (await designer.Page.Locator(".toolbar .published-version").InnerTextAsync()).Should().Be((published + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await designer.ScreenshotAsync("4-published");

        // What was published is the edit and nothing else.
        var next = (await host.GetAsync($"/api/workflow-definitions/{DefinitionId}/versions/{published + 1}"))["definition"]!.AsObject();
        AssertOnlyTheEditsChanged(original, next, newStep);

        // A network launched now runs the new version; the one launched before stays on its own, still running.
        var launchedAfter = await host.LaunchNetworkAsync(DefinitionId, "Võrgustik pärast muudatust");
        launchedAfter["workflowVersion"]!.GetValue<int>().Should().Be(published + 1);
        (await host.GetAsync($"/api/workflow-instances/{launchedAfter["workflowInstanceId"]}"))["definitionVersion"]!.GetValue<int>().Should().Be(published + 1);
        var before = await host.GetAsync($"/api/networks/{launchedBefore["id"]}");
        before["workflowVersion"]!.GetValue<int>().Should().Be(published);
        before["workflowStatus"]!.GetValue<string>().Should().Be("Suspended", "the earlier network still waits, not faulted by the new version");
        before["openSteps"]!.AsArray().Select(s => s!["activityId"]!.GetValue<string>()).Should().Equal("invite");
        (await host.GetAsync($"/api/workflow-instances/{launchedBefore["workflowInstanceId"]}"))["definitionVersion"]!.GetValue<int>().Should().Be(published);
    }

    /// <summary>The published version as the designer's list shows it (GET /{id} would give a draft when there is one).</summary>
    private async Task<int> PublishedVersionAsync()
    {
        var list = (await host.Http.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!;
        return list.Single(d => d!["id"]!.GetValue<string>() == DefinitionId)!["publishedVersion"]!.GetValue<int>();
    }

    private static void AssertOnlyTheEditsChanged(JsonObject original, JsonObject next, string newStep)
    {
        foreach (var (name, value) in original.Where(p => p.Key is not ("version" or "activities" or "connections")))
            JsonNode.DeepEquals(value, next[name]).Should().BeTrue($"'{name}' was not edited");

        // Every activity that was there is as it was, position included (nothing but the new step was moved), but for
        // the one reminder more.
        var activities = next["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        activities.Select(a => a["id"]!.GetValue<string>()).Should().Equal(
            original["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Append(newStep));
        foreach (var (before, after) in original["activities"]!.AsArray().Zip(activities))
        {
            var expected = before!.DeepClone().AsObject();
            if (expected["id"]!.GetValue<string>() == RemindedStep)
                expected["inputs"]!["reminders"]!.AsArray().Add("P1D");
            JsonNode.DeepEquals(after, expected).Should().BeTrue($"only the reminder was edited, but got {after.ToJsonString()}");
        }

        var added = activities[^1].DeepClone().AsObject();
        added.Remove("designer").Should().BeTrue("a step added from the palette has a position");
        var expectedStep = new JsonObject
        {
            ["id"] = newStep,
            ["type"] = NewStepType,
            ["stage"] = TimedOutStep,
            ["inputs"] = new JsonObject
            {
                ["question"] = Question.DeepClone(),
                ["fields"] = new JsonArray(new JsonObject { ["name"] = "missing", ["type"] = "longText", ["label"] = FieldLabel.DeepClone(), ["required"] = true }),
            },
        };
        JsonNode.DeepEquals(added, expectedStep).Should().BeTrue($"the new step is what the admin wrote, but got {added.ToJsonString()}");

        var connections = next["connections"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        connections.Should().Equal(original["connections"]!.AsArray().Select(c => c!.ToJsonString())
            .Append(new JsonObject { ["from"] = TimedOutStep, ["outcome"] = "Timeout", ["to"] = newStep }.ToJsonString()));
    }
}
