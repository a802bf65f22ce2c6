using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koostoo.Workflows.Scheduling;

public sealed record PendingTimer(Guid BookmarkId, DateTimeOffset DueAt);

/// <summary>
/// Timer bookmarks seen from the scheduler's side: fire one (through the runtime's resume, so a second firing
/// is a no-op), fire every one that is due, list those due within a horizon. Queries use the (Kind, ConsumedAt, DueAt)
/// index, so their cost follows the timers due, not the timers pending.
/// </summary>
public sealed class DueTimers(IServiceScopeFactory scopes, WorkflowRuntime runtime, TimeProvider time, WorkflowMetrics metrics, ILogger<DueTimers> logger)
{
    /// <summary>A job that comes earlier than this is not waited for; the sweep fires its timer when due.</summary>
    public static readonly TimeSpan MaxEarlyWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Fires one timer, never before its moment: a scheduler may run a job early (Hangfire keeps schedules to the
    /// second), so a job up to a few seconds early waits out the rest; one earlier than that leaves it to the sweep.
    /// </summary>
    public async Task<ResumeStatus> FireAsync(Guid bookmarkId, CancellationToken ct = default)
    {
        var dueAt = await DueAtAsync(bookmarkId, ct);
        var early = dueAt - time.GetUtcNow();
        if (early > MaxEarlyWait) return ResumeStatus.NotDue;
        // A delay is timed on the tick count, not the wall clock, and may end a fraction of a millisecond before the
        // moment as the clock reads it (a two-second Delay was seen finishing 0.1 ms early): wait until the clock agrees.
        while (early > TimeSpan.Zero)
        {
            await Task.Delay(early.Value < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : early.Value, time, ct);
            early = dueAt - time.GetUtcNow();
        }
        var result = await runtime.ResumeAsync(bookmarkId, new JsonObject { ["firedAt"] = time.GetUtcNow() }, ct: ct);
        if (result.Status == ResumeStatus.Resumed) metrics.TimerFired(time.GetUtcNow() - dueAt!.Value);
        if (result.Status == ResumeStatus.Resumed)
            logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} fired", bookmarkId, result.Instance!.Id);
        return result.Status;
    }

    /// <summary>
    /// Fires every unconsumed timer due by now, oldest first, in batches: a page of due timers is handed to the runtime at
    /// once, so they share its transactions instead of taking one each. Returns how many it resumed.
    /// </summary>
    public Task<int> FireAllDueAsync(CancellationToken ct = default) => FireDueByAsync(null, ct);

    /// <summary>
    /// What a scheduled moment's job does: fires every timer due by <paramref name="until"/>, each at its moment, never
    /// before. Timers of one second share a job, so 10,000 timers due together are one job and a few batches, not 10,000
    /// jobs. A job more than a few seconds early leaves its timers to the sweep.
    /// </summary>
    public async Task<int> FireDueUntilAsync(DateTimeOffset until, CancellationToken ct = default)
    {
        var fired = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            fired += await FireDueByAsync(now < until ? now : until, ct);
            if (now >= until) return fired;
            var next = await NextDueAsync(now, until, ct);
            if (next is null) return fired;
            var early = next.Value - time.GetUtcNow();
            if (early > MaxEarlyWait) return fired;
            if (early > TimeSpan.Zero)
                await Task.Delay(early < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : early, time, ct);
        }
    }

    private async Task<int> FireDueByAsync(DateTimeOffset? by, CancellationToken ct)
    {
        const int page = 1000;
        var fired = 0;
        while (true)
        {
            var due = await ListAsync(by ?? time.GetUtcNow(), page, ct);
            var stimulus = new JsonObject { ["firedAt"] = time.GetUtcNow() };
            var results = await Task.WhenAll(due.Select(async timer =>
            {
                var result = await runtime.ResumeAsync(timer.BookmarkId, stimulus.DeepClone(), ct: ct);
                if (result.Status == ResumeStatus.Resumed) metrics.TimerFired(time.GetUtcNow() - timer.DueAt);
                return result;
            }));
            var resumed = results.Count(r => r.Status == ResumeStatus.Resumed);
            if (resumed > 0) logger.LogInformation("{Count} timers fired", resumed);
            fired += resumed;
            // A page that resumed nothing was fired by someone else meanwhile; what is left is theirs too.
            if (due.Count < page || resumed == 0) return fired;
        }
    }

    private async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.Timer && b.ConsumedAt == null && b.DueAt > after && b.DueAt <= until)
            .OrderBy(b => b.DueAt).Select(b => b.DueAt).FirstOrDefaultAsync(ct);
    }

    private async Task<DateTimeOffset?> DueAtAsync(Guid bookmarkId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Bookmarks.AsNoTracking()
            .Where(b => b.Id == bookmarkId).Select(b => b.DueAt).FirstOrDefaultAsync(ct);
    }

    public Task<List<PendingTimer>> DueWithinAsync(TimeSpan horizon, CancellationToken ct = default) =>
        ListAsync(time.GetUtcNow() + horizon, int.MaxValue, ct);

    private async Task<List<PendingTimer>> ListAsync(DateTimeOffset until, int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.Timer && b.ConsumedAt == null && b.DueAt <= until)
            .OrderBy(b => b.DueAt).Take(max)
            .Select(b => new PendingTimer(b.Id, b.DueAt!.Value))
            .ToListAsync(ct);
    }
}
