using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Koostoo.Designer.Tests;

/// <summary>
/// Elsa's designer got slower release after release (studio #685); this one's load time is measured on every run:
/// from navigation to the flowchart of the largest shipped definition drawn, each time with a cold cache. The time is
/// reported (test output and load-time.txt), never asserted: a timed assertion fails on a busy machine, not on a slow change.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class LoadTimeTests(DesignerHost host, ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    public async Task The_largest_shipped_definition_opens_with_every_activity_drawn_and_its_load_time_is_reported()
    {
        var largest = Directory.EnumerateFiles(DesignerHost.WorkflowsFolder, "*.json").MaxBy(f => new FileInfo(f).Length)!;
        var id = JsonNode.Parse(await File.ReadAllTextAsync(largest))!["id"]!.GetValue<string>();
        // Counted in what the designer opens (the draft, else the latest version), not in the file: the admin scenario
        // shares this host and may have added a step to this very definition already.
        var activities = (await host.GetAsync($"/api/workflow-definitions/{id}"))["definition"]!["activities"]!.AsArray().Count;

        var wall = new List<double>();
        var inPage = new List<double>();
        var scripts = new List<double>();
        var data = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var designer = new DesignerPage(await host.NewPageAsync(), host.Url);
            var clock = Stopwatch.StartNew();
            await designer.Page.GotoAsync($"{host.Url}/designer/definitions/{id}");
            await designer.WaitForFlowchartAsync();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            // In the page's own clock, from the navigation's start: when the scripts and styles had arrived, when the
            // API's answers had, and when the flowchart was drawn.
            var times = await designer.Page.EvaluateAsync<double[]>(Timings);
            scripts.Add(times[0]);
            data.Add(times[1]);
            inPage.Add(times[2]);
            (await designer.Page.Locator(".react-flow__node").CountAsync()).Should().Be(activities);
            await designer.Page.Context.CloseAsync();
        }

        var report = $"Designer load time, {Path.GetFileName(largest)} ({activities} activities), {Runs} cold loads: " +
                     $"median {Median(inPage):F0} ms in the page (navigation start to flowchart drawn; scripts in by {Median(scripts):F0} ms, " +
                     $"API answers by {Median(data):F0} ms), " +
                     $"median {Median(wall):F0} ms by the test's clock, slowest {wall.Max():F0} ms";
        output.WriteLine(report);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(DesignerHost.Screenshots, "..", "load-time.txt"), report + Environment.NewLine);
    }

    private const string Timings = """
        (() => {
          const loaded = (part) => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).map((e) => e.responseEnd));
          return [loaded('/designer/assets/'), loaded('/api/'), window.koostooDesigner.renderedAt];
        })()
        """;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
