using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// The instances whose status a save is about to change, for the save interceptors that follow an instance's status (its
/// network ends or faults with it). Read without EF Core's DetectChanges: <c>ChangeTracker.Entries</c> would run it over
/// everything the context tracks for each interceptor, and the save runs it once more itself (docs/scale.md, Due timers).
/// An instance's status is compared with the value it was read with, which is what DetectChanges would compare; one the
/// save inserts counts as changed.
/// </summary>
public static class InstanceStatusChanges
{
    public static List<WorkflowInstance> Of(DbContext db) =>
        db.ChangeTracker.WithoutDetectingChanges(() => db.ChangeTracker.Entries<WorkflowInstance>()
            .Where(e => e.State == EntityState.Added
                || (e.State != EntityState.Deleted && e.Entity.Status != e.OriginalValues.GetValue<InstanceStatus>(nameof(WorkflowInstance.Status))))
            .Select(e => e.Entity)
            .ToList());
}
