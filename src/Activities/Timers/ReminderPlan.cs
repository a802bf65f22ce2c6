using Koostoo.Workflows.Definitions;

namespace Koostoo.Activities.Timers;

/// <summary>
/// When the reminders of a waiting step go out. An offset like <c>P2D</c> counts from the step's start;
/// a negative one like <c>-PT12H</c> counts back from the deadline. Each is moved out of quiet hours;
/// one that would then come at or after the deadline, or twice at the same moment, is dropped.
/// </summary>
public static class ReminderPlan
{
    public static IReadOnlyList<DateTimeOffset> Compute(DateTimeOffset start, DateTimeOffset? deadline, IEnumerable<string> offsets, QuietHours? quiet)
    {
        var moments = new SortedSet<DateTimeOffset>();
        foreach (var text in offsets)
        {
            var offset = IsoDuration.Parse(text);
            if (offset < TimeSpan.Zero && deadline is null) continue;
            var at = offset < TimeSpan.Zero ? deadline!.Value + offset : start + offset;
            if (quiet is not null) at = quiet.NextAllowed(at);
            if (at <= start || (deadline is not null && at >= deadline)) continue;
            moments.Add(at);
        }
        return moments.ToList();
    }
}
