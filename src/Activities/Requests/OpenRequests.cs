using Koostoo.Activities.Networks;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Requests;

public static class OpenRequests
{
    // Every answer runs it: compiled, it skips EF Core's per-call look-up of the query's translation (docs/scale.md).
    // Tracked, as a load: what it reads joins the context's local view below.
    private static readonly CompiledPerModel<Func<NetworkDbContext, Guid, string, IAsyncEnumerable<StepRequest>>> Open = new(() => EF.CompileAsyncQuery(
        (NetworkDbContext db, Guid instanceId, string activityId) => db.StepRequests.Where(r => r.InstanceId == instanceId && r.ActivityId == activityId && r.ClosedAt == null)));

    /// <summary>
    /// This run's open requests of the step: earlier runs of the same step (a loop) were closed when they completed.
    /// Read from what the transaction holds, so a request added or closed in it, not saved yet, counts as it is now.
    /// </summary>
    public static async Task<List<StepRequest>> OfAsync(ActivityContext context)
    {
        var db = context.NetworkDb();
        // Once a pass: an answer reads them to find its request, to count, and to publish the tally.
        if (context.Pass.TryAdd($"open-requests:{context.Activity.Id}", true))
            await Open.For(db)(db, context.Instance.Id, context.Activity.Id).ToListAsync();
        return db.Tracked<StepRequest>(r => r.InstanceId == context.Instance.Id && r.ActivityId == context.Activity.Id && r.ClosedAt == null)
            .OrderBy(r => r.CreatedAt).ToList();
    }
}
