using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// What a transaction's context already holds, read without EF Core's DetectChanges, which <c>DbSet.Local</c> and
/// <c>ChangeTracker.Entries</c> otherwise run over every tracked entity each time they are read: an answer read its step's
/// open requests so three times (docs/scale.md, The request page).
/// </summary>
public static class TrackedEntities
{
    /// <summary>
    /// The tracked entities of one type that match. Right where entities join the context by <c>Add</c> or by a tracking
    /// query, which both track them at once, and the filter reads the entities' own properties, as the activities' do.
    /// </summary>
    public static List<T> Tracked<T>(this DbContext db, Func<T, bool> where) where T : class =>
        db.ChangeTracker.WithoutDetectingChanges(() => db.Set<T>().Local.Where(where).ToList());

    /// <summary>Runs <paramref name="read"/> with the tracker's automatic DetectChanges off, then sets it back as it was.</summary>
    public static TResult WithoutDetectingChanges<TResult>(this ChangeTracker tracker, Func<TResult> read)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
