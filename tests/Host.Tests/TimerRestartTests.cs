using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Host.Tests;

/// <summary>
/// The host process killed with SIGKILL while timers wait, started again: no timer is lost and none fires twice.
/// Hangfire's in-memory jobs die with the process; the bookmark rows and the start-up sweep carry the timers over.
/// </summary>
public sealed class TimerRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public TimerRestartTests()
    {
        var workflows = Directory.CreateDirectory(_folder.Workflows).FullName;
        File.WriteAllText(Path.Combine(workflows, "short.json"), Flow("short", [Act("wait", "Delay", new { duration = "PT4S" }), Act("end", "Finish")], [Link("wait", "end")]));
        File.WriteAllText(Path.Combine(workflows, "long.json"), Flow("long", [Act("wait", "Delay", new { duration = "PT14S" }), Act("end", "Finish")], [Link("wait", "end")]));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Timers_survive_a_killed_host_and_fire_once_after_the_restart()
    {
        var database = _folder["koostoo.db"];
        var ids = new List<(string Id, string Definition)>();

        await using (var first = HostProcess.Start(_folder.Path, database))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            using var http = first.Client();
            foreach (var definition in new[] { "short", "long" })
                for (var i = 0; i < 10; i++)
                {
                    var started = await (await http.PostAsJsonAsync("/api/workflow-instances", new { definitionId = definition })).Content.ReadFromJsonAsync<JsonObject>();
                    started!["status"]!.GetValue<string>().Should().Be("Suspended");
                    ids.Add((started["id"]!.GetValue<string>(), definition));
                }
            await first.KillAsync();
        }

        // Down past the short timers' moment, back before the long ones': the sweep fires the first
        // at once and schedules the second for their own time.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await using var second = HostProcess.Start(_folder.Path, database);
        await second.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
        using var client = second.Client();

        foreach (var (id, definition) in ids)
        {
            var instance = await TimerScenarios.PollAsync(() => client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"),
                i => i!["status"]!.GetValue<string>() == "Finished", TimeSpan.FromSeconds(60));
            var waited = instance!["finishedAt"]!.GetValue<DateTimeOffset>() - instance["createdAt"]!.GetValue<DateTimeOffset>();
            waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(definition == "short" ? 4 : 14));

            var journal = await client.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal");
            journal!.Count(e => e!["event"]!.GetValue<string>() == "Resumed").Should().Be(1, $"instance {id} ({definition}) fires once");
        }
    }
}
