using Koostoo.Language;
using System.Globalization;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Versions;

namespace Koostoo.Activities.Timers;

/// <summary>
/// A step that waits for people, with the timers every such step needs: reminders (moved out of quiet
/// hours) and a deadline that ends the wait with the outcome <c>Timeout</c>. Subclasses say what they wait
/// for and what a reminder does; the timers themselves are bookmarks like any other.
/// </summary>
public abstract class WaitingActivity : Activity
{
    public const string TimeoutOutcome = "Timeout";
    protected const string DeadlineKey = "deadline";
    private const string ReminderKey = "reminder";
    /// <summary>When the step started waiting, kept in its data: a move to another version counts its timers from it.</summary>
    private const string WaitingSinceKey = "waitingSince";
    /// <summary>A timer this close to where a plan puts it is that plan's timer (a step's start and its journal line differ by microseconds).</summary>
    private static readonly TimeSpan SameMoment = TimeSpan.FromSeconds(1);

    [Input(UiHint = "duration")]
    public string? Deadline { get; set; }

    [Input(UiHint = "durations")]
    public List<string> Reminders { get; set; } = [];

    [Input]
    public bool QuietHours { get; set; } = true;

    [Input]
    public bool QuietWeekends { get; set; } = true;

    [Input]
    public string TimeZone { get; set; } = Timers.QuietHours.DefaultTimeZone;

    /// <summary>Makes the deadline and reminder bookmarks; call when the step starts waiting.</summary>
    protected void StartTimers(ActivityContext context)
    {
        var now = context.Now;
        context.Data[WaitingSinceKey] = now;
        DateTimeOffset? deadline = string.IsNullOrEmpty(Deadline) ? null : now + IsoDuration.Parse(Deadline);
        if (deadline is not null)
            context.CreateBookmark(BookmarkKind.Timer, DeadlineKey, deadline);
        var reminders = ReminderPlan.Compute(now, deadline, Reminders, Quiet());
        for (var i = 0; i < reminders.Count; i++)
            context.CreateBookmark(BookmarkKind.Timer, $"{ReminderKey}:{i + 1}", reminders[i]);
    }

    private QuietHours? Quiet() => QuietHours ? Timers.QuietHours.Default(QuietWeekends, TimeZone) : null;

    /// <summary>
    /// The instance moved to another version while this step waited (docs/versions.md). When the new version changes the step's
    /// timer inputs, its deadline and reminders go where the new inputs put them, counted from when the step started: a
    /// reminder the new version adds is due on time, one it drops is removed, the others keep their times. A deadline a person
    /// moved (an extension) stays; a reminder the new version adds whose moment has passed is not sent late.
    /// </summary>
    public override async ValueTask OnMigratedAsync(ActivityContext context, ActivityMigration migration)
    {
        var before = (WaitingActivity)migration.PreviousActivity;
        if (Deadline == before.Deadline && Reminders.SequenceEqual(before.Reminders) && QuietHours == before.QuietHours
            && QuietWeekends == before.QuietWeekends && TimeZone == before.TimeZone) return;
        var start = context.Data[WaitingSinceKey] is JsonValue since && since.TryGetValue<DateTimeOffset>(out var at) ? at : migration.StartedAt;
        if (start is null)
        {
            context.Log("When the step started is not known: its deadline and reminders keep their times.");
            return;
        }
        var deadline = await RetimeDeadlineAsync(context, before, start.Value);
        DateTimeOffset? plannedBefore = string.IsNullOrEmpty(before.Deadline) ? null : start.Value + IsoDuration.Parse(before.Deadline);
        RetimeReminders(context, ReminderPlan.Compute(start.Value, plannedBefore, before.Reminders, before.Quiet()),
            ReminderPlan.Compute(start.Value, deadline, Reminders, Quiet()));
    }

    private async Task<DateTimeOffset?> RetimeDeadlineAsync(ActivityContext context, WaitingActivity before, DateTimeOffset start)
    {
        var current = context.OpenBookmarks.FirstOrDefault(b => b.Kind == BookmarkKind.Timer && b.Key == DeadlineKey);
        if (Deadline == before.Deadline) return current?.DueAt;
        DateTimeOffset? planned = string.IsNullOrEmpty(before.Deadline) ? null : start + IsoDuration.Parse(before.Deadline);
        if (current?.DueAt is { } due && planned is not null && (due - planned.Value).Duration() > SameMoment)
        {
            context.Log($"The deadline stays at {Moment(due)}: it was moved while the step waited, and that decision stands.");
            return due;
        }
        if (current is not null) context.RemoveBookmark(current);
        if (string.IsNullOrEmpty(Deadline))
        {
            context.Log("The new version sets no deadline: the step waits without one.");
            return null;
        }
        var moved = context.CreateBookmark(BookmarkKind.Timer, DeadlineKey, start + IsoDuration.Parse(Deadline)).DueAt!.Value;
        context.Log(moved <= context.Now ? $"The new deadline {Moment(moved)} has passed: the step ends at once." : $"The deadline moves to {Moment(moved)}.");
        await OnDeadlineMovedAsync(context, moved);
        return moved;
    }

    /// <summary>Keeps the open reminders the new plan has, removes the rest, adds its future ones.</summary>
    private static void RetimeReminders(ActivityContext context, IReadOnlyList<DateTimeOffset> before, IReadOnlyList<DateTimeOffset> planned)
    {
        var open = context.OpenBookmarks.Where(b => b.Kind == BookmarkKind.Timer && b.Key?.StartsWith(ReminderKey + ":", StringComparison.Ordinal) == true).ToList();
        var keys = new HashSet<string?>();
        var added = new List<DateTimeOffset>();
        foreach (var at in planned)
        {
            if (open.FirstOrDefault(b => (b.DueAt!.Value - at).Duration() <= SameMoment) is { } kept)
            {
                open.Remove(kept);
                keys.Add(kept.Key);
            }
            else if (at > context.Now)
                added.Add(at);
            else if (!before.Any(sent => (sent - at).Duration() <= SameMoment))
                context.Log($"The reminder the new version has for {Moment(at)} had passed before the move: it is not sent late.");
        }
        foreach (var gone in open)
        {
            context.RemoveBookmark(gone);
            context.Log($"The reminder for {Moment(gone.DueAt!.Value)} is not in the new version: removed.");
        }
        foreach (var at in added)
        {
            var number = 1;
            while (!keys.Add($"{ReminderKey}:{number}")) number++;
            context.CreateBookmark(BookmarkKind.Timer, $"{ReminderKey}:{number}", at);
            context.Log($"A reminder is added for {Moment(at)}.");
        }
    }

    /// <summary>Says a moment in the journal, which is read by admins: UTC, to the minute.</summary>
    private static string Moment(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The deadline is now <paramref name="deadline"/>; what carries it (a request's calendar entry) follows.</summary>
    protected virtual Task OnDeadlineMovedAsync(ActivityContext context, DateTimeOffset deadline) => Task.CompletedTask;

    public sealed override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus)
    {
        if (bookmark.Kind == BookmarkKind.Timer && bookmark.Key == DeadlineKey)
            return await OnDeadlineAsync(context);
        if (bookmark.Kind == BookmarkKind.Timer && bookmark.Key?.StartsWith(ReminderKey + ":", StringComparison.Ordinal) == true)
        {
            await OnReminderAsync(context, int.Parse(bookmark.Key[(ReminderKey.Length + 1)..], CultureInfo.InvariantCulture));
            return ActivityResult.Suspend();
        }
        return await OnStimulusAsync(context, bookmark, stimulus);
    }

    /// <summary>The answer, signal or command the step waits for.</summary>
    protected abstract ValueTask<ActivityResult> OnStimulusAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus);

    /// <summary>A reminder is due; the step keeps waiting afterwards.</summary>
    protected virtual ValueTask OnReminderAsync(ActivityContext context, int number)
    {
        context.Log($"Reminder {number} due");
        return ValueTask.CompletedTask;
    }

    protected virtual ValueTask<ActivityResult> OnDeadlineAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcome(TimeoutOutcome));

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        TimeSpan deadline = default;
        if (!string.IsNullOrEmpty(Deadline) && (!IsoDuration.TryParse(Deadline, out deadline) || deadline <= TimeSpan.Zero))
            yield return new(context.InputPath("deadline"), Words.Current["Timers.Delay.IsNotAPositiveISO8601", Deadline].Value);
        for (var i = 0; i < Reminders.Count; i++)
        {
            if (!IsoDuration.TryParse(Reminders[i], out var offset) || offset == TimeSpan.Zero)
                yield return new($"{context.InputPath("reminders")}[{i}]", Words.Current["Timers.WaitingActivity.IsNotAnISO8601Duration", Reminders[i]].Value);
            else if (offset < TimeSpan.Zero && string.IsNullOrEmpty(Deadline))
                yield return new($"{context.InputPath("reminders")}[{i}]", Words.Current["Timers.WaitingActivity.CountsBackFromTheDeadlineBut", Reminders[i]].Value);
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new(context.InputPath("timeZone"), Words.Current["Timers.WaitingActivity.UnknownTimeZoneEGEurope", TimeZone].Value);
    }
}
