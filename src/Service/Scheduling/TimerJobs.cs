using Hangfire;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Scheduling;

/// <summary>What Hangfire runs: one timer, or the sweep.</summary>
public sealed class TimerJobs(DueTimers timers, HangfireTimerScheduler scheduler, IOptions<TimerOptions> options)
{
    public const string SweepJobId = "koostoo-timer-sweep";

    [AutomaticRetry(Attempts = 3)]
    public async Task FireAsync(Guid bookmarkId, CancellationToken ct)
    {
        await timers.FireAsync(bookmarkId, ct);
        scheduler.Forget(bookmarkId);
    }

    /// <summary>Fires whatever is due (lost jobs, time spent down) and schedules the next horizon's timers.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        await timers.FireAllDueAsync(ct);
        foreach (var timer in await timers.DueWithinAsync(options.Value.Horizon, ct))
            scheduler.Schedule(timer.BookmarkId, timer.DueAt);
    }
}
