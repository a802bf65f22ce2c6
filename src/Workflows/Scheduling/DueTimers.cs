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
public sealed class DueTimers(IServiceScopeFactory scopes, WorkflowRuntime runtime, TimeProvider time, ILogger<DueTimers> logger)
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
        if (result.Status == ResumeStatus.Resumed)
            logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} fired", bookmarkId, result.Instance!.Id);
        return result.Status;
    }

    /// <summary>Fires every unconsumed timer due by now, oldest first, in batches. Returns how many it resumed.</summary>
    public async Task<int> FireAllDueAsync(CancellationToken ct = default)
    {
        var fired = 0;
        while (true)
        {
            var due = await ListAsync(time.GetUtcNow(), 500, ct);
            var resumed = 0;
            foreach (var timer in due)
                if (await FireAsync(timer.BookmarkId, ct) == ResumeStatus.Resumed) resumed++;
            fired += resumed;
            // A batch that resumed nothing was fired by someone else meanwhile; what is left is theirs too.
            if (due.Count < 500 || resumed == 0) return fired;
        }
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
