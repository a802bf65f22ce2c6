using Koostoo.Language;
using Koostoo.Networks.Actions;
using Koostoo.Networks.History;
using Koostoo.Service.Access;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>An owner's request for help with an action ("late, I need help"), open until the coordinator resolves it.</summary>
public sealed record HelpView(Guid Id, Guid ActionId, string Action, string Owner, DateOnly DueOn, string? Note, DateTimeOffset At);

/// <summary>The requests for help the owners of actions made, and the coordinator marking one resolved.</summary>
public sealed class ActionHelp(WorkflowDbContext db, NetworkAccess access, TimeProvider time)
{
    /// <summary>The network's open requests for help, oldest first: the longest waiting on top.</summary>
    public async Task<IReadOnlyList<HelpView>> OpenAsync(Guid networkId, CancellationToken ct = default) =>
        await (from progress in db.Set<ActionProgress>().AsNoTracking()
               join action in db.Set<ActionItem>().AsNoTracking() on progress.ActionItemId equals action.Id
               // A dropped action asks nothing any more: its request for help went with it.
               where action.NetworkId == networkId && progress.Status == ActionStatus.Late && progress.ResolvedAt == null && action.Status != ActionStatus.Dropped
               orderby progress.At
               select new HelpView(progress.Id, action.Id, action.What, action.OwnerName, action.DueOn, progress.Note, progress.At)).ToListAsync(ct);

    /// <summary>Marks the help given: it leaves the page, and the history says who resolved it. Twice is a 409.</summary>
    public async Task ResolveAsync(Actor actor, Guid networkId, Guid helpId, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var found = await (from progress in db.Set<ActionProgress>()
                           join action in db.Set<ActionItem>() on progress.ActionItemId equals action.Id
                           where progress.Id == helpId && action.NetworkId == networkId && progress.Status == ActionStatus.Late
                           select new { progress, action }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoRequestForHelp", networkId, helpId]);
        if (found.progress.ResolvedAt is not null) throw new ConflictException(Words.Current["Problems.ThisRequestForHelpIsResolved"]);
        found.progress.ResolvedAt = time.GetUtcNow();
        NetworkHistory.Add(db, networkId, found.progress.ResolvedAt.Value, HistoryKind.HelpResolved, actor.ForHistory(),
            new() { ["action"] = found.action.What, ["owner"] = found.action.OwnerName });
        await db.SaveChangesAsync(ct);
    }
}
