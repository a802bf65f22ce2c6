using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koostoo.Service.Persistence;

/// <summary>
/// A network is finished or cancelled when its workflow is, however the workflow got there (a Finish step, running out
/// of steps, a cancel): the engine knows nothing of networks, so the network's status follows in the same save.
/// The engine saves asynchronously only, so only the async path is intercepted.
/// </summary>
public sealed class NetworkEndsWithItsWorkflow : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            foreach (var entry in db.ChangeTracker.Entries<WorkflowInstance>().Where(e => e.State == EntityState.Modified && e.Property(i => i.Status).IsModified).ToList())
            {
                var ended = entry.Entity.Status switch
                {
                    InstanceStatus.Finished => NetworkStatus.Finished,
                    InstanceStatus.Cancelled => NetworkStatus.Cancelled,
                    _ => (NetworkStatus?)null,
                };
                if (ended is null) continue;
                var network = await db.Set<Network>().FirstOrDefaultAsync(n => n.WorkflowInstanceId == entry.Entity.Id, cancellationToken);
                if (network is null || network.Status != NetworkStatus.Active) continue;
                network.Status = ended.Value;
                var at = entry.Entity.FinishedAt ?? entry.Entity.UpdatedAt;
                // The engine does not say who ended the workflow; the coordinator's own cancel writes its own entry.
                NetworkHistory.Add(db, network.Id, at, ended == NetworkStatus.Finished ? HistoryKind.WorkflowFinished : HistoryKind.WorkflowCancelled,
                    HistoryActor.System);
            }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
