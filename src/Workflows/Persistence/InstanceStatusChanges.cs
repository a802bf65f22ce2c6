using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// The instances whose status a save is about to change, for the save interceptors that follow an instance's status (its
/// network ends or faults with it). Read without EF Core's DetectChanges: <c>ChangeTracker.Entries</c> would run it over
/// everything the context tracks for each interceptor, and the save runs it once more itself (docs/scale.md, Due timers).
/// An instance's status is compared with the value it was read with, which is what DetectChanges would compare.
/// </summary>
public static class InstanceStatusChanges
{
    /// <summary>Each changed instance with the status it was read with; <c>null</c> for one this save inserts.</summary>
    public static List<(WorkflowInstance Instance, InstanceStatus? Was)> Of(DbContext db) =>
        db.ChangeTracker.WithoutDetectingChanges(() => db.ChangeTracker.Entries<WorkflowInstance>()
            .Where(e => e.State != EntityState.Deleted)
            .Select(e => (e.Entity, Was: e.State == EntityState.Added
                ? (InstanceStatus?)null
                : e.OriginalValues.GetValue<InstanceStatus>(nameof(WorkflowInstance.Status))))
            .Where(c => c.Entity.Status != c.Was)
            .ToList());
}
