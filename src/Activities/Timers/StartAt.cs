using Koostoo.Language;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Timers;

/// <summary>
/// Waits until a moment the workflow knows only when it runs: a JavaScript expression such as
/// <c>variables.meetingAt</c> giving a date and time (or a literal one). A moment already past continues at once.
/// </summary>
[Activity("StartAt", Category = "Timers")]
public sealed class StartAt : Activity
{
    [Input(Required = true, UiHint = "expression")]
    public string At { get; set; } = "";

    [Input]
    public string TimeZone { get; set; } = QuietHours.DefaultTimeZone;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = LocalMoment.TryParse(At, out _) ? At
            : context.Evaluate(At) is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var evaluated) ? evaluated : null;
        if (text is null || !LocalMoment.TryParse(text, out _))
            return ValueTask.FromResult(ActivityResult.Fault(Words.Current["Timers.StartAt.GaveWhichIsNotADate", At, text ?? ""].Value));
        var due = LocalMoment.Parse(text, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        if (due <= context.Now) return ValueTask.FromResult(ActivityResult.Done());
        context.CreateBookmark(BookmarkKind.Timer, "start-at", due);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        if (!LocalMoment.TryParse(At, out _) && Workflows.Expressions.JavaScript.SyntaxError(At) is { } error)
            yield return new(context.InputPath("at"), $"Neither a date and time nor a JavaScript expression: {error}");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new(context.InputPath("timeZone"), Words.Current["Timers.WaitingActivity.UnknownTimeZoneEGEurope", TimeZone].Value);
    }
}
