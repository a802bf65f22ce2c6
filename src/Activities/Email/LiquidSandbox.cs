using Koostoo.Language;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Koostoo.Workflows.Expressions;

namespace Koostoo.Activities.Email;

/// <summary>
/// What Fluid's own step limit leaves open, closed (docs/security.md): a range is built whole before a loop runs over it
/// (<c>(1..1000000000)</c>), and a few steps of <c>append</c>, <c>replace</c>, <c>join</c>, <c>concat</c> or a capture can
/// double a string each time. Ranges and captures are swapped for bounded ones when a template is parsed; the filters that
/// can make a value much larger than their input are checked before they run, every filter's result after; assigned values
/// and the rendered text have a ceiling.
/// </summary>
internal static class LiquidSandbox
{
    public const int MaxSteps = 20_000;
    public const int MaxRange = 10_000;
    /// <summary>A value a template makes (an assigned or captured string, a filter's result).</summary>
    public const int MaxValueLength = 100_000;
    /// <summary>The rendered subject, text or HTML of one mail: a request mail is 2-6 KB.</summary>
    public const int MaxRenderedLength = 200_000;

    private static readonly HashSet<string> Growing = ["append", "prepend", "replace", "replace_first", "replace_last", "join", "concat",
        "json", "newline_to_br", "escape", "escape_once", "url_encode", "base64_encode", "base64_url_safe_encode", "format_string"];

    public static IFluidTemplate Bound(IFluidTemplate template) => new Rewriter().VisitTemplate(template);

    public static void GuardFilters(TemplateOptions options)
    {
        foreach (var (name, filter) in options.Filters.ToList())
        {
            var growing = Growing.Contains(name);
            options.Filters.AddFilter(name, async (input, arguments, context) =>
            {
                if (growing)
                {
                    var arguments_ = Enumerable.Range(0, arguments.Count).Sum(i => Size(arguments.At(i), context));
                    // The most these make: every character replaced, every item joined, every character escaped six-fold.
                    var most = name is "replace" or "replace_first" or "replace_last"
                        ? Size(input, context) * (1 + arguments_)
                        : (Size(input, context) + arguments_) * 6;
                    if (most > MaxValueLength) throw TooLarge(name);
                }
                var result = await filter(input, arguments, context);
                if (Size(result, context) > MaxValueLength) throw TooLarge(name);
                return result;
            });
        }
        options.Assigned = (name, value, context) =>
            Size(value, context) > MaxValueLength ? throw TooLarge($"assign {name}") : new ValueTask<FluidValue>(value);
    }

    private static ExpressionException TooLarge(string what) =>
        new(Words.Current["Email.LiquidSandbox.TheTemplateWasStoppedWouldMake", what, MaxValueLength].Value);

    /// <summary>Characters (or items) a value holds, counted only as far as the limit.</summary>
    private static double Size(FluidValue value, TemplateContext context)
    {
        switch (value)
        {
            case StringValue text:
                return text.ToStringValue().Length;
            case ArrayValue array:
                double total = 0;
                foreach (var item in array.Values)
                {
                    total += 1 + Size(item, context);
                    if (total > MaxValueLength) break;
                }
                return total;
            case NilValue or BlankValue or EmptyValue:
                return 0;
            default:
                return 24;
        }
    }

    private sealed class Rewriter : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange((RangeExpression)base.VisitRangeExpression(rangeExpression));

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) =>
            new BoundedCapture((CaptureStatement)base.VisitCaptureStatement(captureStatement));
    }

    /// <summary><c>(a..b)</c> with at most <see cref="MaxRange"/> items, checked before any is made.</summary>
    internal sealed class BoundedRange(RangeExpression range) : Expression
    {
        public RangeExpression Range => range;

        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (to - from + 1 > MaxRange)
                throw new ExpressionException(Words.Current["Email.LiquidSandbox.TheTemplateWasStoppedARange", to - from + 1, MaxRange].Value);
            return await range.EvaluateAsync(context);
        }
    }

    /// <summary><c>{% capture %}</c> into a text of at most <see cref="MaxValueLength"/> characters.</summary>
    internal sealed class BoundedCapture(CaptureStatement capture) : Statement
    {
        public CaptureStatement Capture => capture;

        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            var completion = Completion.Normal;
            using var captured = new LimitedWriter(MaxValueLength, $"capture {capture.Identifier}");
            foreach (var statement in capture.Statements)
            {
                completion = await statement.WriteToAsync(captured, encoder, context);
                if (completion != Completion.Normal) break;
            }
            context.SetValue(capture.Identifier, new StringValue(captured.ToString(), false));
            return completion;
        }
    }
}

/// <summary>A text being written that refuses to grow past its limit.</summary>
internal sealed class LimitedWriter(int limit, string what) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        Check(1);
        base.Write(value);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    private void Check(int more)
    {
        if (GetStringBuilder().Length + more > limit)
            throw new ExpressionException(Words.Current["Email.LiquidSandbox.TheTemplateWasStoppedWouldBe", what, limit].Value);
    }
}
