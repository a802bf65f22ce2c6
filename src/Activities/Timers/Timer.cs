using Koostoo.Language;
using Cronos;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Timers;

/// <summary>
/// Waits until a moment: a fixed date and time, or the next occurrence of a cron expression
/// (5 fields, or 6 with seconds) in local time, so "0 9 * * MON" is nine o'clock in Tallinn all year.
/// </summary>
[Activity("Timer", Category = "Timers")]
public sealed class Timer : Activity
{
    [Input(UiHint = "cron")]
    public string? Cron { get; set; }

    [Input(UiHint = "datetime")]
    public string? At { get; set; }

    [Input]
    public string TimeZone { get; set; } = QuietHours.DefaultTimeZone;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        DateTimeOffset? due = !string.IsNullOrEmpty(Cron)
            ? Parse(Cron).GetNextOccurrence(context.Now, zone)
            : LocalMoment.Parse(At!, zone);
        if (due is null) return ValueTask.FromResult(ActivityResult.Fault(Words.Current["Timers.Timer.TheCronExpressionHasNoNext", Cron!].Value));
        if (due <= context.Now) return ValueTask.FromResult(ActivityResult.Done());
        context.CreateBookmark(BookmarkKind.Timer, "timer", due);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        if (string.IsNullOrEmpty(Cron) == string.IsNullOrEmpty(At))
            yield return new(context.InputPath("cron"), Words.Current["Timers.Timer.GiveEitherCronOrAtNot"].Value);
        if (!string.IsNullOrEmpty(Cron) && CronError(Cron) is { } error)
            yield return new(context.InputPath("cron"), $"'{Cron}' is not a cron expression: {error}");
        if (!string.IsNullOrEmpty(At) && !LocalMoment.TryParse(At, out _))
            yield return new(context.InputPath("at"), Words.Current["Timers.Timer.IsNotADateAndTime", At].Value);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new(context.InputPath("timeZone"), Words.Current["Timers.WaitingActivity.UnknownTimeZoneEGEurope", TimeZone].Value);
    }

    private static CronExpression Parse(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    private static string? CronError(string cron)
    {
        try
        {
            Parse(cron);
            return null;
        }
        catch (CronFormatException e)
        {
            return e.Message;
        }
    }
}
