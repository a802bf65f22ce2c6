using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Workflows.Persistence;
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
        if (eventData.Context is KoostooDbContext db)
            foreach (var instance in InstanceStatusChanges.Of(db))
            {
                var ended = instance.Status switch
                {
                    InstanceStatus.Finished => NetworkStatus.Finished,
                    InstanceStatus.Cancelled => NetworkStatus.Cancelled,
                    _ => (NetworkStatus?)null,
                };
                if (ended is null) continue;
                // Every due timer of a workflow's last step ends its instance here, so the look-up is compiled, and the
                // network the resume already read is not read again.
                var network = db.Tracked<Network>(n => n.WorkflowInstanceId == instance.Id).FirstOrDefault()
                    ?? await NetworkOf.For(db)(db, instance.Id, cancellationToken);
                if (network is null || network.Status != NetworkStatus.Active) continue;
                network.Status = ended.Value;
                var at = instance.FinishedAt ?? instance.UpdatedAt;
                // The engine does not say who ended the workflow; the coordinator's own cancel writes its own entry.
                NetworkHistory.Add(db, network.Id, at, ended == NetworkStatus.Finished ? HistoryKind.WorkflowFinished : HistoryKind.WorkflowCancelled,
                    HistoryActor.System);
            }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static readonly CompiledPerModel<Func<KoostooDbContext, Guid, CancellationToken, Task<Network?>>> NetworkOf = new(() => EF.CompileAsyncQuery(
        (KoostooDbContext db, Guid instanceId, CancellationToken _) => db.Set<Network>().FirstOrDefault(n => n.WorkflowInstanceId == instanceId)));
}
