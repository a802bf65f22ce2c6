using Koostoo.Activities.Requests;
using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Networks;

/// <summary>
/// The coordinator's commands on a step that waits for people (remind now, extend, close, add a member). A command
/// resumes the step's own command bookmark, so it runs in the step's transaction, once, like an answer does.
/// </summary>
public sealed class StepCommands(WorkflowDbContext db, WorkflowRuntime runtime)
{
    /// <summary>What a coordinator can send through the API; <c>remove-member</c> comes from <see cref="Membership"/>.</summary>
    public static readonly string[] Names = ["remind", "extend", "close", "add-member"];

    public async Task SendAsync(Guid networkId, string activityId, JsonObject command, CancellationToken ct = default)
    {
        var network = await db.Set<Network>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == networkId, ct)
            ?? throw new NotFoundException($"There is no network {networkId}.");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var bookmark = await db.Bookmarks.AsNoTracking()
                .Where(b => b.InstanceId == network.WorkflowInstanceId && b.ActivityId == activityId && b.Kind == BookmarkKind.Response
                            && b.Key == AskMembers.CommandKey && b.ConsumedAt == null)
                .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException($"The step '{activityId}' of this network is not waiting for answers now.");
            var result = await runtime.ResumeAsync(bookmark, command, ct);
            if (result.Status == ResumeStatus.Resumed) return;
            if (result.Status != ResumeStatus.AlreadyResumed)
                throw new ConflictException($"The step '{activityId}' of this network is not waiting for answers now.");
            // Another command or the step's own timer went first; the step has a fresh command bookmark if it still waits.
        }
        throw new ConflictException("The step is busy; try again.");
    }
}
