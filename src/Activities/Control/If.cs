using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Expressions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Control;

[Activity("If", Category = "Control", Outcomes = ["True", "False"])]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The class is named as the definition's activity type, If, the word every workflow designer uses.")]
public sealed class If : Activity
{
    [Input(Required = true, UiHint = "expression")]
    public string Condition { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcome(context.IsTrue(Condition) ? "True" : "False"));

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        if (JavaScript.SyntaxError(Condition) is { } error)
            yield return new(context.InputPath("condition"), $"Not a valid JavaScript condition: {error}");
    }
}
