using System.Threading.Channels;
using Koostoo.Workflows.Expressions;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koostoo.Workflows.Runtime;

/// <summary>
/// Resumes that arrive together (answers from many requests, due timers) share one transaction: EF Core's own CPU per
/// transaction, not the disk, set the rate of one-at-a-time resumes (docs/measurements.md). Each resume runs inside a
/// savepoint of its own, so one that throws or conflicts is rolled back alone and retried alone, outside the batch,
/// while its batch-mates commit. A caller's task completes only after the batch's commit: "saved" still means saved.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private readonly Channel<PendingResume> _pending = Channel.CreateUnbounded<PendingResume>(new UnboundedChannelOptions { SingleWriter = false });
    private int _writersStarted;

    private sealed record PendingResume(
        Func<IServiceProvider, WorkflowDbContext, Task<(ResumeResult Result, WorkflowExecution? Execution)>> Work,
        TaskCompletionSource<ResumeResult> Done,
        CancellationToken Ct);

    private async Task<ResumeResult> ResumeInBatchAsync(
        Func<IServiceProvider, WorkflowDbContext, Task<(ResumeResult Result, WorkflowExecution? Execution)>> work, CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _writersStarted, 1, 0) == 0) await StartWritersAsync();
        var pending = new PendingResume(work, new TaskCompletionSource<ResumeResult>(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        await _pending.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task;
    }

    private async Task StartWritersAsync()
    {
        bool sqlite;
        await using (var scope = scopes.CreateAsyncScope())
            sqlite = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.IsSqlite();
        var writers = sqlite ? 1 : Math.Max(1, batchOptions.Value.PostgresWriters);
        for (var i = 0; i < writers; i++)
            _ = Task.Run(WriteBatchesAsync);
    }

    private async Task WriteBatchesAsync()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync())
        {
            // What queued while the last batch was written: under load batches form by themselves, and waiting for more
            // only idled the writer (docs/scale.md, Batches without waiting).
            var batch = new List<PendingResume>();
            while (batch.Count < batchOptions.Value.MaxSize && reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception e)
            {
                // Never leave a caller waiting: whatever the batch could not settle is tried alone.
                logger.LogWarning(e, "A batch of {Count} resumes failed as a whole; each is retried alone", batch.Count);
                foreach (var pending in batch.Where(p => !p.Done.Task.IsCompleted)) _ = ResumeAloneAsync(pending);
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingResume> batch)
    {
        var saved = new List<(PendingResume Pending, ResumeResult Result, WorkflowExecution? Execution)>();
        var alone = new List<PendingResume>();
        metrics.Batch(batch.Count);
        using var span = WorkflowMetrics.Traces.StartActivity("resume batch");
        span?.SetTag("koostoo.batch.size", batch.Count);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            // Each resume has its own savepoint; EF's automatic one around every SaveChanges would only add statements.
            db.Database.AutoSavepointsEnabled = false;
            var gated = db.Database.IsSqlite();
            if (gated) await _sqliteWriter.WaitAsync();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                foreach (var pending in batch)
                {
                    if (pending.Ct.IsCancellationRequested)
                    {
                        pending.Done.TrySetCanceled(pending.Ct);
                        continue;
                    }
                    var outcome = await ResumeInSavepointAsync(scope.ServiceProvider, db, transaction, pending);
                    if (outcome is { } done) saved.Add((pending, done.Result, done.Execution));
                    else alone.Add(pending);
                }
                await transaction.CommitAsync();
            }
            catch (Exception e)
            {
                // The commit (or a savepoint) failed: nothing of the batch is saved, so every resume is tried alone.
                logger.LogDebug("Batch of {Count} not committed, each resume retried alone: {Message}", batch.Count, e.Message);
                // Those saved, those that failed, and those the failure kept from running at all.
                alone = batch.Where(p => !p.Done.Task.IsCompleted).ToList();
                saved.Clear();
            }
            finally
            {
                if (gated) _sqliteWriter.Release();
            }
        }
        foreach (var (pending, result, execution) in saved)
        {
            if (execution is not null) await AfterCommitAsync(execution, CancellationToken.None);
            pending.Done.TrySetResult(result);
        }
        foreach (var pending in alone) _ = ResumeAloneAsync(pending);
    }

    private async Task<(ResumeResult Result, WorkflowExecution? Execution)?> ResumeInSavepointAsync(
        IServiceProvider services, WorkflowDbContext db, IDbContextTransaction transaction, PendingResume pending)
    {
        const string savepoint = "resume";
        await transaction.CreateSavepointAsync(savepoint);
        try
        {
            SandboxBudget.Begin(SandboxTimePerTransaction);
            var done = await pending.Work(services, db);
            if (done.Execution is not null) await db.SaveChangesAsync();
            await transaction.ReleaseSavepointAsync(savepoint);
            return done;
        }
        catch (Exception e)
        {
            logger.LogDebug("A resume failed inside its batch and is retried alone: {Message}", e.Message);
            await transaction.RollbackToSavepointAsync(savepoint);
            return null;
        }
        finally
        {
            // The next resume reads afresh what this one saved (the same step's answers see each other), and a rolled
            // back one leaves nothing behind for the next SaveChanges.
            db.ForgetUnsaved();
        }
    }

    /// <summary>A resume on its own, as before batching: retried from a fresh read on a conflict; a real failure reaches its caller.</summary>
    private async Task ResumeAloneAsync(PendingResume pending)
    {
        try
        {
            pending.Done.TrySetResult(await InTransactionAsync(pending.Work, pending.Ct));
        }
        catch (OperationCanceledException) when (pending.Ct.IsCancellationRequested)
        {
            pending.Done.TrySetCanceled(pending.Ct);
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }
}
