using System.Collections.Concurrent;
using Hangfire;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Scheduling;

/// <summary>
/// Gives each second within the horizon that has timers due one scheduled Hangfire job, which fires all of that second's
/// timers in batches (a job and a transaction per timer made 10,000 timers due at once fire 25 s late). The sweep picks
/// up later timers as their time approaches. A removed timer's job is left alone: it finds nothing due and does nothing,
/// and so does a job another host scheduled for the same second.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider time, IOptions<TimerOptions> options) : ITimerScheduler
{
    private readonly ConcurrentDictionary<DateTimeOffset, string> _scheduled = new();

    public Task TimersChangedAsync(IReadOnlyList<Bookmark> created, IReadOnlyList<Bookmark> removed, CancellationToken ct)
    {
        var horizon = time.GetUtcNow() + options.Value.Horizon;
        foreach (var timer in created.Where(t => t.DueAt <= horizon))
            Schedule(timer.DueAt!.Value);
        return Task.CompletedTask;
    }

    /// <summary>Schedules the job of the second the timer falls in, unless this process already has it.</summary>
    public void Schedule(DateTimeOffset dueAt)
    {
        var second = Second(dueAt);
        _scheduled.GetOrAdd(second, s => jobs.Schedule<TimerJobs>(j => j.FireSecondAsync(s, CancellationToken.None), s));
    }

    public void Forget(DateTimeOffset second) => _scheduled.TryRemove(second, out _);

    private static DateTimeOffset Second(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
