using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Koostoo.Workflows.Runtime;

/// <summary>
/// Starts, resumes and cancels instances. Each call is one database transaction in a fresh scope:
/// read the instance and its open bookmarks, run, save state, bookmarks and journal together. A save
/// over a stale read (optimistic check on <see cref="WorkflowInstance.Revision"/>) is retried from the
/// start, which is what makes a bookmark resume exactly once under any number of concurrent stimuli.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The writer queue is a SemaphoreSlim whose wait handle is never taken, so it holds nothing to release; disposing the singleton at shutdown would fail the jobs still finishing.")]
public sealed partial class WorkflowRuntime(
    IServiceScopeFactory scopes,
    ActivityRegistry registry,
    TimeProvider time,
    IEnumerable<ITimerScheduler> timerSchedulers,
    IOptions<ResumeBatchOptions> batchOptions,
    WorkflowMetrics metrics,
    ILogger<WorkflowRuntime> logger)
{
    private const int MaxAttempts = 30;

    /// <summary>
    /// How long the expressions and templates of one transaction may run together: the transaction holds the SQLite
    /// writer queue, so this is the most a script can stall the other networks' answers (docs/security.md).
    /// </summary>
    public static readonly TimeSpan SandboxTimePerTransaction = TimeSpan.FromSeconds(2);

    // SQLite has one writer at a time. Queuing this process's writers here is fair and immediate, where
    // leaving them to SQLite's busy timeout makes them sleep and poll (measured: 286 vs. 1,000+ timers/s).
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <param name="prepare">
    /// Runs inside the start's transaction before the first activity, with the new instance: rows that the first
    /// activities read (a network and its members) are saved with the instance or not at all.
    /// </param>
    public async Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null,
        Func<WorkflowDbContext, WorkflowInstance, Task>? prepare = null, CancellationToken ct = default)
    {
        var instanceId = Guid.NewGuid();
        return await InTransactionAsync(async (services, db) =>
        {
            var definition = await services.GetRequiredService<DefinitionStore>().GetLatestPublishedAsync(definitionId, ct);
            var now = time.GetUtcNow();
            var instance = new WorkflowInstance
            {
                Id = instanceId,
                DefinitionId = definition.Id,
                DefinitionVersion = definition.Version,
                Status = InstanceStatus.Running,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Instances.Add(instance);
            if (prepare is not null)
            {
                await prepare(db, instance);
                await db.SaveChangesAsync(ct);
            }
            var execution = new WorkflowExecution(db, services, registry, time, definition, instance, []);
            await execution.StartAsync(input?.DeepClone().AsObject() ?? new JsonObject());
            return (instance, execution);
        }, ct);
    }

    /// <summary>Delivers a stimulus to one bookmark. A bookmark already consumed changes nothing.</summary>
    /// <param name="alongside">
    /// Runs in the resume's transaction once the bookmark is resumed: rows that tell of the stimulus (a coordinator's
    /// command in the network's history) are saved with what it did, or not at all.
    /// </param>
    public async Task<ResumeResult> ResumeAsync(Guid bookmarkId, JsonNode? stimulus = null,
        Func<WorkflowDbContext, WorkflowInstance, Task>? alongside = null, CancellationToken ct = default)
    {
        var work = ResumeWork(bookmarkId, stimulus, alongside, ct);
        var result = batchOptions.Value.Enabled ? await ResumeInBatchAsync(work, ct) : await InTransactionAsync(work, ct);
        metrics.Resumed(result.Status);
        return result;
    }

    private Func<IServiceProvider, WorkflowDbContext, Task<(ResumeResult Result, WorkflowExecution? Execution)>> ResumeWork(
        Guid bookmarkId, JsonNode? stimulus, Func<WorkflowDbContext, WorkflowInstance, Task>? alongside, CancellationToken ct) =>
        async (services, db) =>
        {
            // The instance (found from the bookmark, so that both are looked up by key) before the open bookmarks: under read
            // committed (PostgreSQL) each statement sees the latest commit, so a bookmark read first could be open while the
            // instance read after it already holds its resume; saved on top of that revision, the bookmark would resume twice.
            // Read in this order, an open bookmark means its consumer committed after our instance read, and our save fails
            // the revision check.
            var instance = await InstanceOfBookmark.For(db)(db, bookmarkId, ct);
            if (instance is null) return (new ResumeResult(ResumeStatus.NotFound, null), null);
            var open = await OpenBookmarksAsync(db, instance, ct);
            // It exists (the instance was found by it) but no longer waits.
            if (open.Find(b => b.Id == bookmarkId) is not { } bookmark) return (new ResumeResult(ResumeStatus.AlreadyResumed, instance), null);
            if (!instance.IsActive) return (new ResumeResult(ResumeStatus.InstanceNotActive, instance), null);

            var execution = await LoadAsync(services, db, instance, open, ct);
            await execution.ResumeAsync(bookmark, stimulus);
            if (alongside is not null) await alongside(db, instance);
            return (new ResumeResult(ResumeStatus.Resumed, instance), execution);
        };

    /// <summary>
    /// Delivers a named signal to the instance's oldest bookmark waiting for it. When a concurrent delivery consumed that
    /// bookmark first, the next one waiting for the same signal takes this one: two steps waiting for "approve" and two
    /// approvals in the same instant both count. Only when none is left was the signal already delivered.
    /// </summary>
    public async Task<ResumeResult> SignalAsync(Guid instanceId, string signal, JsonNode? payload = null, CancellationToken ct = default)
    {
        ResumeResult? taken = null;
        while (true)
        {
            Guid? waiting;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
                var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct)
                    ?? throw new NotFoundException(Words.Current["Incidents.IncidentRecovery.ThereIsNoWorkflowInstance", instanceId].Value);
                if (!instance.IsActive) return taken ?? new ResumeResult(ResumeStatus.InstanceNotActive, instance);
                waiting = await db.Bookmarks.AsNoTracking()
                    .Where(b => b.InstanceId == instanceId && b.Kind == BookmarkKind.Signal && b.Key == signal && b.ConsumedAt == null)
                    .OrderBy(b => b.CreatedAt).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            }
            if (waiting is null)
                return taken ?? throw new ConflictException(Words.Current["Runtime.WorkflowRuntime.WorkflowInstanceIsNotWaitingFor", instanceId, signal].Value);
            var result = await ResumeAsync(waiting.Value, payload, ct: ct);
            if (result.Status != ResumeStatus.AlreadyResumed) return result;
            taken = result;
        }
    }

    /// <summary>Ends a running, waiting or faulted instance; what it waited for is removed.</summary>
    /// <param name="alongside">Runs in the cancel's transaction: what the instance drove (a network) ends with it, or neither does.</param>
    public async Task<WorkflowInstance> CancelAsync(Guid instanceId, string? reason = null,
        Func<WorkflowDbContext, WorkflowInstance, Task>? alongside = null, CancellationToken ct = default) =>
        await InTransactionAsync(async (services, db) =>
        {
            var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, ct)
                ?? throw new NotFoundException(Words.Current["Incidents.IncidentRecovery.ThereIsNoWorkflowInstance", instanceId].Value);
            // A faulted instance can be cancelled too: that is how an incident nobody will resume is closed.
            if (!instance.IsActive && instance.Status != InstanceStatus.Faulted)
                throw new ConflictException(Words.Current["Runtime.WorkflowRuntime.WorkflowInstanceIsAlready", instanceId, instance.Status.ToString().ToLowerInvariant()].Value);
            var execution = await LoadAsync(services, db, instance, ct);
            execution.Cancel(reason);
            if (alongside is not null) await alongside(db, instance);
            return (instance, execution);
        }, ct);

    private async Task<WorkflowExecution> LoadAsync(IServiceProvider services, WorkflowDbContext db, WorkflowInstance instance, CancellationToken ct) =>
        await LoadAsync(services, db, instance, await OpenBookmarksAsync(db, instance, ct), ct);

    private async Task<WorkflowExecution> LoadAsync(IServiceProvider services, WorkflowDbContext db, WorkflowInstance instance, List<Bookmark> open, CancellationToken ct)
    {
        var definition = await services.GetRequiredService<DefinitionStore>().GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        return new WorkflowExecution(db, services, registry, time, definition, instance, open);
    }

    // Every resume runs these two: compiled, they skip EF Core's per-call look-up of the query's translation (docs/scale.md).
    private static readonly CompiledPerModel<Func<WorkflowDbContext, Guid, CancellationToken, Task<WorkflowInstance?>>> InstanceOfBookmark = new(() => EF.CompileAsyncQuery(
        (WorkflowDbContext db, Guid bookmarkId, CancellationToken _) => db.Bookmarks.Where(b => b.Id == bookmarkId).Join(db.Instances, b => b.InstanceId, i => i.Id, (_, i) => i).FirstOrDefault()));

    private static readonly CompiledPerModel<Func<WorkflowDbContext, Guid, IAsyncEnumerable<Bookmark>>> OpenBookmarksOf = new(() => EF.CompileAsyncQuery(
        (WorkflowDbContext db, Guid instanceId) => db.Bookmarks.Where(b => b.InstanceId == instanceId && b.ConsumedAt == null)));

    private static async Task<List<Bookmark>> OpenBookmarksAsync(WorkflowDbContext db, WorkflowInstance instance, CancellationToken ct) =>
        await OpenBookmarksOf.For(db)(db, instance.Id).ToListAsync(ct);

    /// <summary>
    /// One unit of work on one instance: a fresh scope, one transaction, saved and committed only when the work returns an
    /// execution (so work that returns none, a dry run, is rolled back), retried from the start on a conflicting write,
    /// then the post-commit work. Migrations and incident recovery run through here like a resume.
    /// </summary>
    internal async Task<T> InTransactionAsync<T>(Func<IServiceProvider, WorkflowDbContext, Task<(T Result, WorkflowExecution? Execution)>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            // A failed save is never committed here (the transaction is dropped and the work retried whole), so EF's
            // savepoint around every save would only add statements; and the journal's one insert needs it off.
            db.Database.AutoSavepointsEnabled = false;
            var gated = db.Database.IsSqlite();
            if (gated) await _sqliteWriter.WaitAsync(ct);
            (T Result, WorkflowExecution? Execution) done = default;
            var conflicted = false;
            try
            {
                Expressions.SandboxBudget.Begin(SandboxTimePerTransaction);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                done = await work(scope.ServiceProvider, db);
                if (done.Execution is not null)
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
            }
            catch (Exception e) when (attempt < MaxAttempts && TransientConflict.Is(e))
            {
                logger.LogDebug("Conflicting write (attempt {Attempt}), retrying: {Message}", attempt, e.Message);
                conflicted = true;
            }
            finally
            {
                if (gated) _sqliteWriter.Release();
            }
            if (conflicted)
            {
                // Jitter, so that writers that collided do not collide again in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * Math.Min(attempt, 20))), ct);
                continue;
            }
            if (done.Execution is not null) await AfterCommitAsync(done.Execution, ct);
            return done.Result;
        }
    }

    /// <summary>The state is committed: tell the timer scheduler and run the activities' post-commit work. Failures here lose nothing (the sweep and the outbox catch up), so they are logged.</summary>
    private async Task AfterCommitAsync(WorkflowExecution execution, CancellationToken ct)
    {
        var created = execution.Created.Where(b => b.Kind == BookmarkKind.Timer).ToList();
        var removed = execution.Removed.Where(b => b.Kind == BookmarkKind.Timer).ToList();
        if (created.Count + removed.Count > 0)
        {
            foreach (var scheduler in timerSchedulers)
            {
                try
                {
                    await scheduler.TimersChangedAsync(created, removed, ct);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Scheduling timers of instance {InstanceId} failed; the sweep will fire them", execution.Instance.Id);
                }
            }
        }
        foreach (var action in execution.AfterCommitActions)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await action(scope.ServiceProvider, ct);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Post-commit work of instance {InstanceId} failed", execution.Instance.Id);
            }
        }
    }
}
