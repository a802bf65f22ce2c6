using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Control;

/// <summary>Every connection leaving with Done runs, side by side; a Join brings them together again.</summary>
[Activity("Fork", Category = "Control")]
public sealed class Fork : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
