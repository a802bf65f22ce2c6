using Koostoo.Activities.Networks;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Requests;

public static class OpenRequests
{
    /// <summary>
    /// This run's open requests of the step: earlier runs of the same step (a loop) were closed when they completed.
    /// Read from what the transaction holds, so a request added or closed in it, not saved yet, counts as it is now.
    /// </summary>
    public static async Task<List<StepRequest>> OfAsync(ActivityContext context)
    {
        var requests = context.NetworkDb().StepRequests;
        // Once a pass: an answer reads them to find its request, to count, and to publish the tally.
        if (context.Pass.TryAdd($"open-requests:{context.Activity.Id}", true))
            await requests.Where(r => r.InstanceId == context.Instance.Id && r.ActivityId == context.Activity.Id && r.ClosedAt == null).LoadAsync();
        return requests.Local
            .Where(r => r.InstanceId == context.Instance.Id && r.ActivityId == context.Activity.Id && r.ClosedAt == null)
            .OrderBy(r => r.CreatedAt).ToList();
    }
}
