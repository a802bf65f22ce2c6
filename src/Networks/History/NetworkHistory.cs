using Microsoft.EntityFrameworkCore;

namespace Koostoo.Networks.History;

public static class NetworkHistory
{
    /// <summary>Adds an entry to the unit of work in hand, so it is saved with the change it tells of, or not at all.</summary>
    public static void Add(DbContext db, Guid networkId, DateTimeOffset at, string et, string en) =>
        db.Set<HistoryEntry>().Add(new HistoryEntry { NetworkId = networkId, At = at, Et = et, En = en });
}
