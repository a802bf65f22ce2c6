using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

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

    [Input(UiHint = "duration", LabelEt = "Tähtaeg (nt P3D)", LabelEn = "Deadline (e.g. P3D)")]
    public string? Deadline { get; set; }

    [Input(UiHint = "durations", LabelEt = "Meeldetuletused (P2D algusest, -PT12H enne tähtaega)", LabelEn = "Reminders (P2D after start, -PT12H before deadline)")]
    public List<string> Reminders { get; set; } = [];

    [Input(LabelEt = "Ei meenuta 20:00–08:00", LabelEn = "No reminders 20:00–08:00")]
    public bool QuietHours { get; set; } = true;

    [Input(LabelEt = "Ei meenuta nädalavahetusel", LabelEn = "No reminders at weekends")]
    public bool QuietWeekends { get; set; } = true;

    [Input(LabelEt = "Ajavöönd", LabelEn = "Time zone")]
    public string TimeZone { get; set; } = Timers.QuietHours.DefaultTimeZone;

    /// <summary>Makes the deadline and reminder bookmarks; call when the step starts waiting.</summary>
    protected void StartTimers(ActivityContext context)
    {
        var now = context.Now;
        DateTimeOffset? deadline = string.IsNullOrEmpty(Deadline) ? null : now + IsoDuration.Parse(Deadline);
        if (deadline is not null)
            context.CreateBookmark(BookmarkKind.Timer, DeadlineKey, deadline);
        var quiet = QuietHours ? Timers.QuietHours.Default(QuietWeekends, TimeZone) : null;
        var reminders = ReminderPlan.Compute(now, deadline, Reminders, quiet);
        for (var i = 0; i < reminders.Count; i++)
            context.CreateBookmark(BookmarkKind.Timer, $"{ReminderKey}:{i + 1}", reminders[i]);
    }

    public sealed override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus)
    {
        if (bookmark.Kind == BookmarkKind.Timer && bookmark.Key == DeadlineKey)
            return await OnDeadlineAsync(context);
        if (bookmark.Kind == BookmarkKind.Timer && bookmark.Key?.StartsWith(ReminderKey + ":", StringComparison.Ordinal) == true)
        {
            await OnReminderAsync(context, int.Parse(bookmark.Key[(ReminderKey.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));
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
            yield return new(context.InputPath("deadline"), $"'{Deadline}' is not a positive ISO 8601 duration such as P3D or PT2H.");
        for (var i = 0; i < Reminders.Count; i++)
        {
            if (!IsoDuration.TryParse(Reminders[i], out var offset) || offset == TimeSpan.Zero)
                yield return new($"{context.InputPath("reminders")}[{i}]", $"'{Reminders[i]}' is not an ISO 8601 duration such as P2D, or -PT12H before the deadline.");
            else if (offset < TimeSpan.Zero && string.IsNullOrEmpty(Deadline))
                yield return new($"{context.InputPath("reminders")}[{i}]", $"'{Reminders[i]}' counts back from the deadline, but there is no deadline.");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new(context.InputPath("timeZone"), $"Unknown time zone '{TimeZone}'; e.g. Europe/Tallinn.");
    }
}
