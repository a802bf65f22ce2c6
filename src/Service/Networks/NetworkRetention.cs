using Hangfire;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Service.Access;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Networks;

/// <summary>
/// Anonymises finished and cancelled networks whose last event is older than the retention period: every member is
/// erased as on request (<see cref="MemberErasure"/>), so their answers still count in the network's figures and
/// nobody in them can be named any more. A recurring job; a network already anonymised is not touched again.
/// </summary>
public sealed class NetworkRetention(KoostooDbContext db, MemberErasure erasure, TimeProvider time, IOptions<RetentionOptions> options,
    ILogger<NetworkRetention> logger)
{
    public const string JobId = "network-retention";

    /// <returns>How many networks were anonymised.</returns>
    public async Task<int> AnonymiseAsync(CancellationToken ct)
    {
        if (options.Value.After is not { } after || after <= TimeSpan.Zero) return 0;
        var cutoff = time.GetUtcNow() - after;
        var ended = await db.Networks.AsNoTracking()
            .Where(n => n.Status != NetworkStatus.Active && n.Members.Any(m => m.Name != MemberErasure.Placeholder))
            .Select(n => new { n.Id, n.CreatedAt, Members = n.Members.Where(m => m.Name != MemberErasure.Placeholder).Select(m => m.Id).ToList() })
            .ToListAsync(ct);
        var anonymised = 0;
        foreach (var network in ended)
        {
            // The last event by its id, not its time: SQLite keeps times as text and cannot order them as times.
            var lastEvent = await db.Set<HistoryEntry>().AsNoTracking().Where(h => h.NetworkId == network.Id)
                .OrderByDescending(h => h.Id).Select(h => (DateTimeOffset?)h.At).FirstOrDefaultAsync(ct) ?? network.CreatedAt;
            if (lastEvent > cutoff) continue;
            var retention = Actor.System("retention");
            foreach (var member in network.Members) await erasure.EraseAsync(retention, network.Id, member, recordAs: null, ct);
            NetworkHistory.Add(db, network.Id, time.GetUtcNow(), HistoryKind.MembersAnonymised, retention.ForHistory());
            await db.SaveChangesAsync(ct);
            anonymised++;
        }
        if (anonymised > 0) logger.LogInformation("Anonymised {Count} networks that ended before {Cutoff:O}", anonymised, cutoff);
        return anonymised;
    }

    public static void Start(IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<NetworkRetention>(JobId, r => r.AnonymiseAsync(CancellationToken.None),
            services.GetRequiredService<IOptions<RetentionOptions>>().Value.Cron);
}
