using Koostoo.Language;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Fluid;
using Fluid.Ast;

namespace Koostoo.Activities.Email;

/// <summary>
/// Liquid (Fluid) as email text uses it: parse with a readable error, list the variables a template reads
/// (so a missing one is found when a definition is loaded, not when mail goes out), render over plain values.
/// </summary>
internal static class Liquid
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = Sandboxed();
    private static readonly HashSet<string> BuiltIns = ["forloop", "tablerowloop", "empty", "blank", "nil", "null", "true", "false"];

    /// <summary>HTML encoding that leaves Estonian letters (õ, ä, ö, ü, š, ž) as they are.</summary>
    public static readonly TextEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool TryParse(string source, out IFluidTemplate template, out string error)
    {
        if (Parser.TryParse(source, out template, out error))
        {
            template = LiquidSandbox.Bound(template);
            return true;
        }
        error = error.Trim();
        return false;
    }

    /// <summary>The root names the template reads and does not define itself (assign, capture, for).</summary>
    public static IReadOnlySet<string> FreeVariables(IFluidTemplate template)
    {
        var collector = new FreeVariableCollector();
        collector.VisitTemplate(template);
        collector.Used.ExceptWith(collector.Defined);
        collector.Used.ExceptWith(BuiltIns);
        return collector.Used;
    }

    /// <exception cref="Workflows.Expressions.ExpressionException">The template went past a limit of its sandbox.</exception>
    public static string Render(IFluidTemplate template, IReadOnlyDictionary<string, object?> scope, TextEncoder encoder)
    {
        Workflows.Expressions.SandboxBudget.Allow(TimeSpan.MaxValue, "A template");
        var context = new TemplateContext(Options);
        foreach (var (name, value) in scope) context.SetValue(name, value);
        using var output = new LimitedWriter(LiquidSandbox.MaxRenderedLength, "the rendered text");
        try
        {
            Workflows.Expressions.SandboxBudget.Measure(() =>
            {
                template.RenderAsync(output, encoder, context).AsTask().GetAwaiter().GetResult();
                return true;
            });
        }
        catch (InvalidOperationException e) when (e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            // Fluid says both its step and its recursion limit this way.
            throw new Workflows.Expressions.ExpressionException(Words.Current["Email.Liquid.TheTemplateWasStoppedMoreThan", LiquidSandbox.MaxSteps].Value, e);
        }
        return output.ToString();
    }

    private static TemplateOptions Sandboxed()
    {
        var options = new TemplateOptions { MaxSteps = LiquidSandbox.MaxSteps, MaxRecursion = 20 };
        // {{ answer.due | day: "et" }}: a form's date as the reader of that language writes it (DateText), in mails and request texts.
        options.Filters.AddFilter("day", (input, arguments, _) =>
            new Fluid.Values.StringValue(Koostoo.Networks.DateText.InWords(input.ToStringValue(), arguments.At(0).ToStringValue())));
        LiquidSandbox.GuardFilters(options);
        return options;
    }

    /// <summary>JSON as Liquid sees it: objects become dictionaries, arrays lists, numbers decimals.</summary>
    public static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToValue(p.Value)),
        JsonArray array => array.Select(ToValue).ToList(),
        // Read through the JSON text: a value built in code (an int count, a DateTimeOffset) converts only to its own CLR type.
        JsonValue value => JsonSerializer.Deserialize<JsonElement>(value.ToJsonString()) switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Number } number => number.TryGetDecimal(out var d) ? d : number.GetDouble(),
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => null,
        },
        _ => null,
    };

    private sealed class FreeVariableCollector : AstVisitor
    {
        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Defined { get; } = new(StringComparer.Ordinal);

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment root) Used.Add(root.Identifier);
            return base.VisitMemberExpression(memberExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            Defined.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            Defined.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        // The sandbox's bounded nodes hold the ones they bound: a template reads and defines what the original reads and defines.
        public override Statement VisitOtherStatement(Statement statement) =>
            statement is LiquidSandbox.BoundedCapture bounded ? Visit(bounded.Capture) : base.VisitOtherStatement(statement);

        public override Expression VisitOtherExpression(Expression expression) =>
            expression is LiquidSandbox.BoundedRange bounded ? Visit(bounded.Range) : base.VisitOtherExpression(expression);

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            Defined.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }
    }
}
