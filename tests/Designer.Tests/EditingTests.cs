using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Koostoo.Designer.Tests;

/// <summary>The designer's editing in a real browser: keyboard, undo/redo, language, import/export, unknown activity types.</summary>
[Collection(DesignerCollection.Name)]
public sealed class EditingTests(DesignerHost host)
{
    private const string DefinitionId = "sample-approval";

    [Fact]
    public async Task An_activity_is_deleted_with_the_keyboard_and_comes_back_with_undo()
    {
        var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
        await designer.Page.GotoAsync($"{host.Url}/designer/definitions/{DefinitionId}");
        await designer.WaitForFlowchartAsync();
        var nodes = await designer.Page.Locator(".react-flow__node").CountAsync();
        var edges = await designer.Page.Locator(".react-flow__edge").CountAsync();

        await designer.SelectAsync("again");
        await designer.Node("again").FocusAsync();
        await designer.Page.Keyboard.PressAsync("Delete");
        await designer.Node("again").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await designer.Page.Locator(".react-flow__edge").CountAsync()).Should().Be(edges - 1, "its connection went with it");

        await designer.Page.Keyboard.PressAsync("Control+z");
        await designer.Node("again").WaitForAsync();
        (await designer.Page.Locator(".react-flow__edge").CountAsync()).Should().Be(edges);
        await designer.Page.Keyboard.PressAsync("Control+Shift+z");
        await designer.Node("again").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await designer.ClickAsync("↶ Võta tagasi");
        await designer.Node("again").WaitForAsync();
        (await designer.Page.Locator(".react-flow__node").CountAsync()).Should().Be(nodes);
    }

    [Fact]
    public async Task The_language_switch_shows_English_and_Russian_names()
    {
        var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
        await designer.Page.GotoAsync($"{host.Url}/designer/definitions/{DefinitionId}");
        await designer.WaitForFlowchartAsync();
        (await designer.Page.Locator(".palette-item[data-type='WaitForSignal']").InnerTextAsync()).Should().StartWith("Oota signaali");

        await designer.ClickAsync("English");
        (await designer.Page.Locator(".palette-item[data-type='WaitForSignal']").InnerTextAsync()).Should().StartWith("Wait for signal");
        (await designer.Node("enough").InnerTextAsync()).Should().Contain("If");
        await designer.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).WaitForAsync();

        // Russian: the designer's own words and the palette's, which come from the service's catalog.
        await designer.ClickAsync("Русский");
        (await designer.Page.Locator(".palette-item[data-type='WaitForSignal']").InnerTextAsync()).Should().StartWith("Ждать сигнала");
        await designer.Page.GetByRole(AriaRole.Button, new() { Name = "Сохранить черновик" }).WaitForAsync();
    }

    [Fact]
    public async Task An_imported_file_with_an_unknown_activity_type_opens_with_a_grey_node_and_exports_as_it_came()
    {
        var file = Path.Combine(DesignerHost.WorkflowsFolder, "..", "src", "Designer", "test", "unknown-fields.json");
        var original = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
        var errors = new List<string>();
        designer.Page.PageError += (_, error) => errors.Add(error);
        await designer.OpenListAsync();

        await designer.Page.GetByTestId("import-file").SetInputFilesAsync(file);
        await designer.WaitForFlowchartAsync();
        var legacy = designer.Node("legacy").Locator(".activity-node.unknown");
        await legacy.WaitForAsync();
        (await legacy.InnerTextAsync()).Should().Contain("RetiredActivity").And.Contain("whatever");
        await designer.SelectAsync("legacy");
        (await designer.Page.Locator(".panel textarea").InputValueAsync()).Should().Contain("\"whatever\"");
        await designer.ScreenshotAsync("5-unknown-type");

        var download = await designer.Page.RunAndWaitForDownloadAsync(() => designer.ClickAsync("Ekspordi JSON"));
        download.SuggestedFilename.Should().Be("with-unknown-fields.json");
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!.AsObject();
        foreach (var activity in exported["activities"]!.AsArray())
            activity!.AsObject().Remove("designer").Should().BeTrue("positions are the one thing the designer adds");
        JsonNode.DeepEquals(exported, original).Should().BeTrue(exported.ToJsonString());
        errors.Should().BeEmpty();
    }
}
