using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Control;

/// <summary>
/// Waits for inbound branches: <c>all</c> continues when every activity leading here has arrived,
/// <c>any</c> continues with the first and lets the later ones of the same round pass silently.
/// </summary>
[Activity("Join", Category = "Control")]
public sealed class Join : Activity
{
    [Input(UiHint = "select", Options = ["all", "any"])]
    public string Mode { get; set; } = "all";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var inbound = context.Definition.InboundSources(context.Activity.Id).ToHashSet();
        var arrived = (context.Data["arrived"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var fired = context.Data["fired"]?.GetValue<bool>() ?? false;
        // With 'any', a branch that arrives a second time has come round a loop while a slower one of the last round
        // still waits: that is a new round, to continue with, not a late arrival to absorb.
        if (Mode == "any" && context.ArrivedFrom is not null && arrived.Contains(context.ArrivedFrom))
        {
            arrived.Clear();
            fired = false;
        }
        if (context.ArrivedFrom is not null) arrived.Add(context.ArrivedFrom);
        var everyone = inbound.IsSubsetOf(arrived);
        var firstOfRound = !fired;

        if (everyone)
        {
            // The round is over; a loop coming back starts a new one.
            context.Data.Remove("arrived");
            context.Data.Remove("fired");
        }
        else
        {
            context.Data["arrived"] = new JsonArray(arrived.Select(a => (JsonNode)a).ToArray());
        }

        if (Mode == "any")
        {
            if (!firstOfRound) return ValueTask.FromResult<ActivityResult>(new ActivityResult.Waiting("a branch arrived after the first"));
            if (!everyone) context.Data["fired"] = true;
            return ValueTask.FromResult(ActivityResult.Done());
        }
        return ValueTask.FromResult(everyone
            ? ActivityResult.Done()
            : new ActivityResult.Waiting($"waiting for {string.Join(", ", inbound.Except(arrived))}"));
    }

    public override IEnumerable<Workflows.Definitions.DefinitionProblem> Validate(ActivityValidationContext context)
    {
        if (Mode is not ("all" or "any"))
            yield return new(context.InputPath("mode"), Words.Current["Control.Join.TheModeIsAllOrAny", Mode].Value);
    }
}
