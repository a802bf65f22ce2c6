using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Host.Tests;

/// <summary>Timers fired by the real Hangfire server in the real host, in real time.</summary>
public sealed class TimerTests : IDisposable
{
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task PublishAsync(string json)
    {
        (await _host.Client.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        (await _host.Client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_two_second_delay_completes()
    {
        await PublishAsync(Flow("two-seconds", [Act("wait", "Delay", new { duration = "PT2S" }), Act("end", "Finish")], [Link("wait", "end")]));

        var started = await (await _host.Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "two-seconds" })).Content.ReadFromJsonAsync<JsonObject>();
        var id = started!["id"]!.GetValue<string>();
        started["status"]!.GetValue<string>().Should().Be("Suspended");

        var instance = await PollAsync(async () => await _host.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"),
            i => i!["status"]!.GetValue<string>() == "Finished", TimeSpan.FromSeconds(30));

        var waited = instance!["finishedAt"]!.GetValue<DateTimeOffset>() - instance["createdAt"]!.GetValue<DateTimeOffset>();
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "a timer never fires early");
    }

    [Fact]
    public async Task A_thousand_timers_due_at_the_same_moment_all_fire_each_exactly_once()
    {
        const int count = 1_000;
        await PublishAsync(Flow("same-moment", [Act("at", "StartAt", new { at = "variables.at" }), Act("end", "Finish")], [Link("at", "end")]));
        var runtime = _host.Services.GetRequiredService<WorkflowRuntime>();
        // Starting 1,000 instances takes a few seconds alone on two cores; the margin leaves room for a busy machine.
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var input = new JsonObject { ["at"] = dueAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz") };

        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (_, ct) => ids.Add((await runtime.StartAsync("same-moment", input, ct)).Id));

        var left = dueAt - DateTimeOffset.UtcNow;
        left.Should().BePositive("all the timers have to exist before their moment, or they would not be due at the same moment");

        // Hangfire's job and the sweep race for the same timers: the bookmark decides who wins.
        await Task.Delay(left + TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _host.Services.GetRequiredService<DueTimers>().FireAllDueAsync()));

        await PollAsync(() => CountAsync(db => db.Instances.CountAsync(i => i.Status == InstanceStatus.Finished)), n => n == count, TimeSpan.FromMinutes(2));
        var resumed = await CountAsync(db => db.Journal.Where(j => j.Event == JournalEvent.Resumed).GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync());
        resumed.Should().HaveCount(count, "every instance waited on its timer and was resumed by it").And.OnlyContain(n => n == 1);
        ids.Should().HaveCount(count);
    }

    private async Task<T> CountAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    internal static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Still not done after {timeout.TotalSeconds} s; last seen: {value}");
            await Task.Delay(100);
        }
    }
}
