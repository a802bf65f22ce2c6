using Hangfire;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Scheduling;

/// <summary>What Hangfire runs: the timers of one second, or the sweep.</summary>
public sealed class TimerJobs(DueTimers timers, HangfireTimerScheduler scheduler, IOptions<TimerOptions> options)
{
    public const string SweepJobId = "koostoo-timer-sweep";

    /// <summary>Fires the timers due within the second that starts at <paramref name="second"/>, each at its moment.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task FireSecondAsync(DateTimeOffset second, CancellationToken ct)
    {
        await timers.FireDueUntilAsync(second.AddSeconds(1), ct);
        scheduler.Forget(second);
    }

    /// <summary>Fires whatever is due (lost jobs, time spent down) and schedules the next horizon's timers.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        await timers.FireAllDueAsync(ct);
        foreach (var timer in await timers.DueWithinAsync(options.Value.Horizon, ct))
            scheduler.Schedule(timer.DueAt);
    }
}
