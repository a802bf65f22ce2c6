using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Accounts;

/// <summary>Co-coordinators: an admin gives a staff user access to a network, or withdraws it.</summary>
public sealed class NetworkGrants(AccountsDbContext db, KoostooDbContext networks, AuditLog audit, TimeProvider time)
{
    public async Task GrantAsync(Actor actor, Guid networkId, string email, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        if (!await networks.Networks.AnyAsync(n => n.Id == networkId, ct)) throw new NotFoundException(Words.Current["Problems.ThereIsNoNetwork", networkId]);
        var user = await FindAsync(email, ct);
        if (await db.NetworkGrants.AnyAsync(g => g.NetworkId == networkId && g.UserId == user.Id, ct)) return;
        db.NetworkGrants.Add(new NetworkGrant { NetworkId = networkId, UserId = user.Id, GrantedAt = time.GetUtcNow(), GrantedBy = actor.ForJournal() });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, AuditAction.AccessGranted, networkId, user.Email, ct);
    }

    public async Task WithdrawAsync(Actor actor, Guid networkId, string email, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var user = await FindAsync(email, ct);
        var grant = await db.NetworkGrants.FirstOrDefaultAsync(g => g.NetworkId == networkId && g.UserId == user.Id, ct);
        if (grant is null) return;
        db.NetworkGrants.Remove(grant);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, AuditAction.AccessWithdrawn, networkId, user.Email, ct);
    }

    /// <summary>Who was given access to the network, by address.</summary>
    public async Task<IReadOnlyList<string>> ForNetworkAsync(Guid networkId, CancellationToken ct = default) =>
        await (from g in db.NetworkGrants
               join u in db.Users on g.UserId equals u.Id
               where g.NetworkId == networkId
               orderby u.Email
               select u.Email!).ToListAsync(ct);

    private async Task<StaffUser> FindAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new AccountException("email", Words.Current["Problems.ThereIsNoStaffAccountWith"]);
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw new ForbiddenException(Words.Current["Problems.OnlyAnAdminGivesOrWithdraws"]);
    }
}
