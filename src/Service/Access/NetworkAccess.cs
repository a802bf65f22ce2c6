using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Service.Accounts;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Access;

/// <summary>
/// The one way to a network for an actor: loads it and decides whether the actor may do what they ask. A network the
/// actor may not read does not exist for them (NotFound, so its existence leaks nothing); one they may read but not
/// change is Forbidden.
/// </summary>
public sealed class NetworkAccess(KoostooDbContext db, AccountsDbContext accounts)
{
    /// <summary>The network, untracked, with its members; a refusal in the request's language (<see cref="Words.Current"/>).</summary>
    public async Task<Network> ReadAsync(Actor actor, Guid networkId, NetworkPermission permission, CancellationToken ct = default)
    {
        var network = await db.Networks.AsNoTracking().Include(n => n.Members).FirstOrDefaultAsync(n => n.Id == networkId, ct);
        return Check(actor, network, networkId, permission, await GrantedAsync(actor, networkId, ct));
    }

    /// <summary>The network tracked by this scope's unit of work, for a change saved with it.</summary>
    public async Task<Network> LoadAsync(Actor actor, Guid networkId, NetworkPermission permission, CancellationToken ct = default)
    {
        var network = await db.Networks.Include(n => n.Members).FirstOrDefaultAsync(n => n.Id == networkId, ct);
        return Check(actor, network, networkId, permission, await GrantedAsync(actor, networkId, ct));
    }

    /// <summary>Only the networks the actor may read, for lists: those she leads and those an admin gave her access to.</summary>
    public IQueryable<Network> Readable(Actor actor)
    {
        if (actor.IsAdmin) return db.Networks;
        if (IsCoordinator(actor) && actor.Email is { } email)
        {
            var lower = email.ToLowerInvariant();
            // The grants are in the accounts' context: their ids (a handful) go into the query as a list.
            var granted = accounts.NetworkGrants.Where(g => g.UserId == actor.Id).Select(g => g.NetworkId).ToList();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); the culture and StringComparison overloads have no translation.
            return db.Networks.Where(n => n.CoordinatorEmail.ToLower() == lower || granted.Contains(n.Id));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return db.Networks.Where(_ => false);
    }

    /// <summary>The ids of the networks the actor may read (the audit log's filter).</summary>
    public async Task<List<Guid>> ReadableIdsAsync(Actor actor, CancellationToken ct = default) =>
        await Readable(actor).Select(n => n.Id).ToListAsync(ct);

    /// <param name="granted">An admin gave the actor access to this network (a co-coordinator).</param>
    public static bool May(Actor actor, Network network, NetworkPermission permission, bool granted = false) => permission switch
    {
        _ when actor.IsAdmin => true,
        NetworkPermission.Administer => false,
        _ => IsCoordinator(actor) && (granted || Leads(actor, network)),
    };

    private static bool IsCoordinator(Actor actor) => actor.Kind == ActorKind.Staff && actor.Roles.Contains(StaffRoles.Coordinator);

    private static bool Leads(Actor actor, Network network) =>
        actor.Email is not null && string.Equals(actor.Email, network.CoordinatorEmail, StringComparison.OrdinalIgnoreCase);

    private async Task<bool> GrantedAsync(Actor actor, Guid networkId, CancellationToken ct) =>
        IsCoordinator(actor) && actor.Id is { } id && await accounts.NetworkGrants.AnyAsync(g => g.NetworkId == networkId && g.UserId == id, ct);

    private static Network Check(Actor actor, Network? network, Guid networkId, NetworkPermission permission, bool granted)
    {
        if (network is null || !May(actor, network, NetworkPermission.Read, granted))
            throw new NotFoundException(Words.Current["Problems.ThereIsNoNetwork", networkId]);
        if (!May(actor, network, permission, granted)) throw new ForbiddenException(Words.Current[$"Problems.MayNot.{permission}"]);
        return network;
    }
}
