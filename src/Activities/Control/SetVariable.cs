using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Control;

[Activity("SetVariable", Category = "Control")]
public sealed class SetVariable : Activity
{
    [Input(Required = true)]
    public string Name { get; set; } = "";

    [Input(Required = true, UiHint = "expression")]
    public string Value { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Variables[Name] = context.Evaluate(Value);
        return ValueTask.FromResult(ActivityResult.Done());
    }

    public override IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context)
    {
        if (Workflows.Expressions.JavaScript.SyntaxError(Value) is { } error)
            yield return new(context.InputPath("value"), $"Not a valid JavaScript expression: {error}");
    }
}
