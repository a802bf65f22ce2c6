using System.Text.Json.Nodes;
using Koostoo.Activities.Timers;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Signals;

/// <summary>Waits until the named signal is delivered (POST /api/workflow-instances/{id}/signals/{name}); its payload lands in a variable when asked.</summary>
[Activity("WaitForSignal", Category = "Signals", Outcomes = ["Done", "Timeout"])]
public sealed class WaitForSignal : WaitingActivity
{
    [Input(Required = true)]
    public string Signal { get; set; } = "";

    [Input]
    public string? Variable { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark(BookmarkKind.Signal, Signal);
        StartTimers(context);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    protected override ValueTask<ActivityResult> OnStimulusAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus)
    {
        if (!string.IsNullOrEmpty(Variable)) context.Variables[Variable] = stimulus?.DeepClone();
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
