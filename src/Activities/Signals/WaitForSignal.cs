using System.Text.Json.Nodes;
using Koostoo.Activities.Timers;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Signals;

/// <summary>Waits until the named signal is delivered (POST /api/workflow-instances/{id}/signals/{name}); its payload lands in a variable when asked.</summary>
[Activity("WaitForSignal", Category = "Signals", DisplayNameEt = "Oota signaali", DisplayNameEn = "Wait for signal", Outcomes = ["Done", "Timeout"],
    DescriptionEt = "Ootab, kuni nimetatud signaal saabub; tähtaja möödudes väljund Timeout.", DescriptionEn = "Waits until the named signal arrives; Timeout when the deadline passes.")]
public sealed class WaitForSignal : WaitingActivity
{
    [Input(Required = true, LabelEt = "Signaal", LabelEn = "Signal")]
    public string Signal { get; set; } = "";

    [Input(LabelEt = "Salvesta sisu muutujasse", LabelEn = "Store payload in variable")]
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
