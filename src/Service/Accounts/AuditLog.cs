using Koostoo.Service.Access;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Accounts;

/// <summary>
/// The audit log: who viewed or changed what, and when. Written in its own save (the log of a change that then failed
/// says that it was tried); read whole by admins, a coordinator the lines of the networks she may read.
/// </summary>
public sealed class AuditLog(AccountsDbContext db, NetworkAccess access, TimeProvider time)
{
    public async Task RecordAsync(Actor actor, string action, Guid? networkId = null, string? subject = null, CancellationToken ct = default)
    {
        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actor.Kind == ActorKind.Staff ? actor.Id : null,
            // Staff by name, else by address (staff, never a member): the log says who, in words a reader knows.
            ActorName = actor.ForJournal(),
            Action = action,
            NetworkId = networkId,
            Subject = subject is { Length: > 500 } ? subject[..500] : subject,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newest lines first; a coordinator's only of her networks.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(Actor actor, Guid? networkId = null, int take = 500, CancellationToken ct = default)
    {
        var query = db.Audit.AsNoTracking();
        if (networkId is not null) query = query.Where(a => a.NetworkId == networkId);
        if (!actor.IsAdmin)
        {
            var readable = await access.ReadableIdsAsync(actor, ct);
            query = query.Where(a => a.NetworkId != null && readable.Contains(a.NetworkId.Value));
        }
        return await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }
}
