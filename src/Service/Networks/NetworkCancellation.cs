using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
using Koostoo.Service.Access;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>
/// The coordinator ends a network before its cycle is through: its workflow stops (bookmarks and timers gone, so
/// nobody is reminded again), every open request closes (links say the step is closed), and the history says so.
/// A review still open stops with it, so its members are not reminded of a network that has ended.
/// </summary>
public sealed class NetworkCancellation(WorkflowDbContext db, NetworkAccess access, WorkflowRuntime runtime, TimeProvider time)
{
    public async Task CancelAsync(Actor actor, Guid networkId, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        if (network.Status != NetworkStatus.Active)
            throw new ConflictException(Words.Current["Problems.TheNetworkIsAlready", NetworkWords.Of(network.Status, Words.Current.Language)]);

        // A faulted workflow is stopped too, so that its incident closes with the network.
        var instanceOpen = network.WorkflowInstanceId is { } instanceId
            && await db.Instances.AnyAsync(i => i.Id == instanceId
                && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Suspended || i.Status == InstanceStatus.Faulted), ct);
        if (instanceOpen)
        {
            // One transaction: the workflow stops and the network ends together, or neither does.
            await runtime.CancelAsync(network.WorkflowInstanceId!.Value, "The coordinator cancelled the network.",
                (transaction, _) => EndAsync(actor, transaction, networkId, ct), ct);
        }
        else
        {
            // A workflow that finished or was cancelled by itself has nothing left to stop; the network still ends.
            await EndAsync(actor, db, networkId, ct);
            await db.SaveChangesAsync(ct);
        }
        await StopReviewsAsync(networkId, ct);
    }

    /// <summary>
    /// After the network has ended, in a transaction of its own each: a review left running by a crash in between
    /// asks nobody (its requests closed with the network), and cancelling the network again is refused, so it is
    /// stopped by an admin from the instances list, as any stray instance is.
    /// </summary>
    private async Task StopReviewsAsync(Guid networkId, CancellationToken ct)
    {
        var open = await db.Set<NetworkReview>().AsNoTracking().Where(r => r.NetworkId == networkId && r.ClosedAt == null)
            .Select(r => new { r.Id, r.WorkflowInstanceId }).ToListAsync(ct);
        foreach (var review in open)
        {
            await runtime.CancelAsync(review.WorkflowInstanceId, "The network was cancelled.", async (transaction, _) =>
            {
                var closing = await transaction.Set<NetworkReview>().FirstAsync(r => r.Id == review.Id, ct);
                closing.ClosedAt = time.GetUtcNow();
            }, ct);
        }
    }

    private async Task EndAsync(Actor actor, WorkflowDbContext transaction, Guid networkId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var network = await transaction.Set<Network>().FirstAsync(n => n.Id == networkId, ct);
        network.Status = NetworkStatus.Cancelled;
        var open = await transaction.Set<StepRequest>().Where(r => r.NetworkId == networkId && r.ClosedAt == null).ToListAsync(ct);
        foreach (var request in open) request.ClosedAt = now;
        NetworkHistory.Add(transaction, networkId, now, HistoryKind.NetworkCancelled, actor.ForHistory());
    }
}
