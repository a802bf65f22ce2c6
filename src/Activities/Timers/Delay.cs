using Koostoo.Language;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Timers;

/// <summary>Waits for a duration (ISO 8601: P3D, PT2H) as a timer bookmark, which the host's scheduler fires.</summary>
[Activity("Delay", Category = "Timers")]
public sealed class Delay : Activity
{
    [Input(Required = true, UiHint = "duration")]
    public string Duration { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark(BookmarkKind.Timer, "delay", context.Now + IsoDuration.Parse(Duration));
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        if (!IsoDuration.TryParse(Duration, out var duration) || duration <= TimeSpan.Zero)
            yield return new(context.InputPath("duration"), Words.Current["Timers.Delay.IsNotAPositiveISO8601", Duration].Value);
    }
}
