using Koostoo.Activities.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>
/// The steps of a network's workflow that wait for people now: those holding an open command bookmark. A step that
/// ended another way (a Finish elsewhere, a cancel) lost its bookmarks, so its requests are no longer open.
/// </summary>
public static class WaitingSteps
{
    public static async Task<List<string>> OfAsync(WorkflowDbContext db, Guid? instanceId, CancellationToken ct) =>
        await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.Kind == BookmarkKind.Response && b.Key == PeopleStep.CommandKey && b.ConsumedAt == null)
            .Select(b => b.ActivityId).Distinct().ToListAsync(ct);
}
