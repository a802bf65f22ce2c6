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

/// <summary>Timers fired by the real Hangfire server in the real host, in real time: written once, run on each database.</summary>
public static class TimerScenarios
{
    public static async Task TwoSecondDelayCompletesAsync(KoostooHost host)
    {
        await host.PublishAsync(Flow("two-seconds", [Act("wait", "Delay", new { duration = "PT2S" }), Act("end", "Finish")], [Link("wait", "end")]));

        var started = await (await host.Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "two-seconds" })).Content.ReadFromJsonAsync<JsonObject>();
        var id = started!["id"]!.GetValue<string>();
        started["status"]!.GetValue<string>().Should().Be("Suspended");

        var instance = await PollAsync(async () => await host.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"),
            i => i!["status"]!.GetValue<string>() == "Finished", TimeSpan.FromSeconds(30));

        var waited = instance!["finishedAt"]!.GetValue<DateTimeOffset>() - instance["createdAt"]!.GetValue<DateTimeOffset>();
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "a timer never fires early");
    }

    /// <param name="margin">Time to start every instance before the moment: generous, for a busy machine.</param>
    /// <param name="offset">The offset the moment is written with; whatever it is, the timers are stored in UTC.</param>
    public static async Task TimersDueAtOneMomentFireOnceAsync(KoostooHost host, int count, TimeSpan margin, TimeSpan offset)
    {
        await host.PublishAsync(Flow("same-moment", [Act("at", "StartAt", new { at = "variables.at" }), Act("end", "Finish")], [Link("at", "end")]));
        var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
        var dueAt = DateTimeOffset.UtcNow + margin;
        var input = new JsonObject { ["at"] = dueAt.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) };

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (_, ct) => await runtime.StartAsync("same-moment", input, ct: ct));

        var left = dueAt - DateTimeOffset.UtcNow;
        left.Should().BePositive("all the timers have to exist before their moment, or they would not be due at the same moment");

        // Hangfire's jobs and two sweeps race for the same timers: the bookmark decides who wins.
        await Task.Delay(left + TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => host.Services.GetRequiredService<DueTimers>().FireAllDueAsync()));

        await PollAsync(() => QueryAsync(host, db => db.Instances.CountAsync(i => i.Status == InstanceStatus.Finished)), n => n == count, TimeSpan.FromMinutes(2));
        var resumed = await QueryAsync(host, db => db.Journal.Where(j => j.Event == JournalEvent.Resumed).GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync());
        resumed.Should().HaveCount(count, "every instance waited on its timer and was resumed by it").And.OnlyContain(n => n == 1);
    }

    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
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

    private static async Task<T> QueryAsync<T>(KoostooHost host, Func<WorkflowDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }
}
