using Koostoo.Language;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Workflows.Versions;

/// <summary>
/// Moves one running (or faulted) instance to another published version of its definition, in its own transaction with the
/// revision check, like a resume: two admins moving the same instance at once move it once (the second finds it moved
/// already). A dry run is the same migration, rolled back, so what it shows is what the migration does.
/// </summary>
public sealed class VersionMigrator(WorkflowRuntime runtime, ActivityRegistry registry, TimeProvider time)
{
    /// <param name="alongside">
    /// Runs in the migration's transaction once the instance has moved (or would have): what else tells of it (the network's
    /// history) is saved with it, or not at all. Not called for an instance that does not move.
    /// </param>
    public Task<InstanceMigration> MigrateAsync(MigrationOrder order, Func<WorkflowDbContext, InstanceMigration, Task>? alongside = null,
        CancellationToken ct = default) =>
        runtime.InTransactionAsync<InstanceMigration>(async (services, db) =>
        {
            var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == order.InstanceId, ct)
                ?? throw new NotFoundException(Words.Current["Incidents.IncidentRecovery.ThereIsNoWorkflowInstance", order.InstanceId].Value);
            if (Ineligible(instance, order) is { } refused) return (refused, null);

            var store = services.GetRequiredService<DefinitionStore>();
            var from = await store.GetRunnableAsync(order.DefinitionId, order.FromVersion, ct);
            var target = await store.GetVersionAsync(order.DefinitionId, order.ToVersion, ct);
            if (!target.IsPublished) throw new ConflictException(Words.Current["Versions.VersionMigrator.VersionOfIsADraftPublish", order.ToVersion, order.DefinitionId].Value);
            var to = services.GetRequiredService<DefinitionCache>().Get(target);

            var open = await db.Bookmarks.Where(b => b.InstanceId == instance.Id && b.ConsumedAt == null).ToListAsync(ct);
            var inFlight = open.Select(b => b.ActivityId)
                .Concat(await WaitingJoinsAsync(db, instance.Id, ct))
                .Concat(instance.FaultedActivityId is { } faulted ? [faulted] : [])
                .Distinct().ToList();
            var steps = StepMap.Propose(from, to, inFlight, order.ByHand);
            var waitsNow = Waits(from, inFlight, open);
            var variables = InstanceState.Read(instance.State).Variables;
            var missing = to.Variables.Select(v => v.Name).Where(name => !variables.ContainsKey(name)).ToList();
            if (steps.Any(s => s.To is null))
                return (Report(instance, order, MigrationStatus.Blocked, string.Join(" ", steps.Select(s => s.Message).OfType<string>()), steps, waitsNow, missing), null);

            var execution = new WorkflowExecution(db, services, registry, time, to, instance, open);
            IReadOnlyList<string> notes;
            try
            {
                notes = await execution.MigrateAsync(from, steps, order.By, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && !TransientConflict.Is(e))
            {
                // A step that cannot take its state along leaves the instance as it was, and says why, like a fault does;
                // the other instances of the batch still move.
                return (Report(instance, order, MigrationStatus.Blocked, e.Message, steps, waitsNow, missing), null);
            }
            var timers = execution.Created.Where(b => b.Kind == BookmarkKind.Timer)
                .Select(b => new TimerChange(b.ActivityId, b.Key, b.DueAt!.Value, TimerChangeKind.Added))
                .Concat(execution.Removed.Where(b => b.Kind == BookmarkKind.Timer)
                    .Select(b => new TimerChange(b.ActivityId, b.Key, b.DueAt!.Value, TimerChangeKind.Removed)))
                .OrderBy(t => t.DueAt).ToList();
            var report = Report(instance, order, order.DryRun ? MigrationStatus.Ready : MigrationStatus.Migrated, null, steps, waitsNow, missing) with
            {
                WaitsAfter = Waits(to, inFlight.Select(id => steps.First(s => s.From == id).To!).ToList(), execution.Open),
                Timers = timers,
                Notes = notes,
            };
            if (alongside is not null) await alongside(db, report);
            // A dry run returns no execution: nothing is saved, and the transaction is rolled back.
            return (report, order.DryRun ? null : execution);
        }, ct);

    private static InstanceMigration? Ineligible(WorkflowInstance instance, MigrationOrder order)
    {
        string? reason = null;
        var status = MigrationStatus.NotEligible;
        if (instance.DefinitionId != order.DefinitionId)
            reason = Words.Current["Versions.VersionMigrator.TheInstanceRunsNot", instance.DefinitionId, order.DefinitionId].Value;
        else if (instance.DefinitionVersion == order.ToVersion)
            (status, reason) = (MigrationStatus.AlreadyMoved, Words.Current["Versions.VersionMigrator.TheInstanceIsOnVersionAlready", order.ToVersion].Value);
        else if (instance.DefinitionVersion != order.FromVersion)
            reason = Words.Current["Versions.VersionMigrator.TheInstanceRunsVersionNot", instance.DefinitionVersion, order.FromVersion].Value;
        else if (!instance.IsActive && instance.Status != InstanceStatus.Faulted)
            reason = Words.Current["Versions.VersionMigrator.TheInstanceHasEnded", instance.Status.ToString().ToLowerInvariant()].Value;
        return reason is null ? null : InstanceMigration.Refused(instance, order.FromVersion, order.ToVersion, status, reason);
    }

    private static InstanceMigration Report(WorkflowInstance instance, MigrationOrder order, MigrationStatus status, string? reason,
        IReadOnlyList<StepMapping> steps, IReadOnlyList<WaitingStep> waitsNow, IReadOnlyList<string> missing) =>
        new(instance.Id, instance.DefinitionId, order.FromVersion, order.ToVersion, status, instance.Status, reason, steps, waitsNow, [], [], [], missing);

    private static List<WaitingStep> Waits(WorkflowDefinition definition, IReadOnlyList<string> activities, IEnumerable<Bookmark> open) =>
        activities.Select(id =>
        {
            var activity = definition.Activities.FirstOrDefault(a => a.Id == id);
            return new WaitingStep(id, activity?.Type ?? "?", activity?.Stage, open.Where(b => b.ActivityId == id)
                .OrderBy(b => b.DueAt ?? DateTimeOffset.MaxValue).ThenBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => new WaitingOn(b.Id, b.Kind, b.Key, b.DueAt)).ToList());
        }).ToList();

    /// <summary>Joins some branches have reached while others still run: their latest line in the journal is "Waiting".</summary>
    private static async Task<List<string>> WaitingJoinsAsync(WorkflowDbContext db, Guid instanceId, CancellationToken ct)
    {
        var waited = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.Event == JournalEvent.Waiting && j.ActivityId != null)
            .Select(j => j.ActivityId!).Distinct().ToListAsync(ct);
        if (waited.Count == 0) return waited;
        var lines = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && waited.Contains(j.ActivityId!) && (j.Event == JournalEvent.Waiting || j.Event == JournalEvent.Completed))
            .Select(j => new { j.Id, j.ActivityId, j.Event }).ToListAsync(ct);
        return lines.GroupBy(l => l.ActivityId!).Where(g => g.MaxBy(l => l.Id)!.Event == JournalEvent.Waiting).Select(g => g.Key).ToList();
    }
}
