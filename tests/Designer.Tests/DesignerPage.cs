using Microsoft.Playwright;

namespace Koostoo.Designer.Tests;

/// <summary>What an admin does in the designer, in the designer's own terms, so that the tests read as the scenario.</summary>
public sealed class DesignerPage(IPage page, string url)
{
    public IPage Page => page;

    public async Task OpenListAsync() => await page.GotoAsync($"{url}/designer/");

    /// <summary>Opens a definition from the list, as an admin would, and waits until its flowchart is drawn.</summary>
    public async Task OpenFromListAsync(string definitionId)
    {
        await page.Locator($"tr[data-definition-id='{definitionId}'] a").ClickAsync();
        await WaitForFlowchartAsync();
    }

    public async Task WaitForFlowchartAsync() =>
        await page.Locator("body[data-flowchart-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    public ILocator Node(string activityId) => page.Locator($".react-flow__node[data-id='{activityId}']");

    public ILocator Field(string input) => page.Locator($".panel [data-input='{input}']");

    public ILocator Status => page.GetByTestId("status");

    public async Task SelectAsync(string activityId)
    {
        await Node(activityId).ClickAsync();
        await page.Locator($".panel #activity-id[value='{activityId}']").WaitForAsync();
    }

    public async Task AddFromPaletteAsync(string type) => await page.Locator($".palette-item[data-type='{type}']").ClickAsync();

    public async Task ClickAsync(string buttonName) =>
        await page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();

    /// <summary>Drags from an outcome's handle on one node to the top (target) handle of another, as with a mouse.</summary>
    public async Task ConnectAsync(string fromId, string outcome, string toId)
    {
        var source = await Centre(Node(fromId).Locator($".react-flow__handle[data-handleid='{outcome}']"));
        var target = await Centre(Node(toId).Locator(".react-flow__handle.target"));
        await page.Mouse.MoveAsync(source.X, source.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X, target.Y, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Drags a node by its body until it stands to the right of another, level with it, as with a mouse.</summary>
    public async Task DragBesideAsync(string activityId, string besideId)
    {
        var from = await Centre(Node(activityId));
        var beside = await Node(besideId).BoundingBoxAsync() ?? throw new InvalidOperationException("Not on screen: " + besideId);
        var box = (await Node(activityId).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(beside.X + beside.Width + 40 + box.Width / 2, beside.Y + beside.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(DesignerHost.Screenshots, name + ".png") });

    private static async Task<(float X, float Y)> Centre(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("Not on screen: " + locator);
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}
