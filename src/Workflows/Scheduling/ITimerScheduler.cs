using Koostoo.Workflows.Bookmarks;

namespace Koostoo.Workflows.Scheduling;

/// <summary>
/// The port to whatever fires timers (Hangfire in the host). Told after each commit which timer
/// bookmarks were created and removed; the bookmark rows stay the truth, so a missed call only
/// delays a timer until the next sweep.
/// </summary>
public interface ITimerScheduler
{
    Task TimersChangedAsync(IReadOnlyList<Bookmark> created, IReadOnlyList<Bookmark> removed, CancellationToken ct);
}
