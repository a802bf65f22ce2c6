using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Control;

/// <summary>Ends the whole instance, whatever other branches still wait; their bookmarks are removed.</summary>
[Activity("Finish", Category = "Control", Outcomes = [])]
public sealed class Finish : Activity
{
    [Input]
    public string Status { get; set; } = "Done";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult<ActivityResult>(new ActivityResult.Finished(Status));
}
