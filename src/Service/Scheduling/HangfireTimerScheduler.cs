using System.Collections.Concurrent;
using Hangfire;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Scheduling;

/// <summary>
/// Gives each timer due within the horizon a scheduled Hangfire job; the sweep picks up the rest as their
/// time approaches. Remembers the jobs it made so that a removed timer's job is deleted; a job it forgot
/// (after a restart) only finds its bookmark consumed or gone and does nothing.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider time, IOptions<TimerOptions> options) : ITimerScheduler
{
    private readonly ConcurrentDictionary<Guid, string> _scheduled = new();

    public Task TimersChangedAsync(IReadOnlyList<Bookmark> created, IReadOnlyList<Bookmark> removed, CancellationToken ct)
    {
        var horizon = time.GetUtcNow() + options.Value.Horizon;
        foreach (var timer in created.Where(t => t.DueAt <= horizon))
            Schedule(timer.Id, timer.DueAt!.Value);
        foreach (var timer in removed)
            if (_scheduled.TryRemove(timer.Id, out var jobId))
                jobs.Delete(jobId);
        return Task.CompletedTask;
    }

    /// <summary>Schedules the timer unless this process already has a job for it.</summary>
    public void Schedule(Guid bookmarkId, DateTimeOffset dueAt)
    {
        if (_scheduled.ContainsKey(bookmarkId)) return;
        _scheduled[bookmarkId] = jobs.Schedule<TimerJobs>(j => j.FireAsync(bookmarkId, CancellationToken.None), dueAt);
    }

    public void Forget(Guid bookmarkId) => _scheduled.TryRemove(bookmarkId, out _);
}
