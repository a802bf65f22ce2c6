using Microsoft.EntityFrameworkCore;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// What a transaction's context already holds of one entity type, read without EF Core's DetectChanges, which
/// <c>DbSet.Local</c> runs over every tracked entity each time it is read: an answer read its step's open requests so three
/// times (docs/scale.md, The request page). Right where entities join the context by <c>Add</c> or by a tracking query,
/// which both track them at once, and the filter reads the entities' own properties, as the activities' do.
/// </summary>
public static class TrackedEntities
{
    public static List<T> Tracked<T>(this DbContext db, Func<T, bool> where) where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<T>().Local.Where(where).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
