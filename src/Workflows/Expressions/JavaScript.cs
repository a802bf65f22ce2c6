using Koostoo.Language;
using System.Text.Json.Nodes;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Workflows.Expressions;

/// <summary>
/// Conditions and values written in JavaScript (as in Elsa), run by Jint in a sandbox: no CLR access,
/// limited time, memory, statements, recursion, array and string sizes and regular expressions, so an admin's typo or a
/// member's answer cannot hang or crash the host (<see cref="JavaScriptSandbox"/>, docs/security.md).
/// The script sees <c>variables</c> and <c>input</c> of the instance.
/// </summary>
public static class JavaScript
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(500);

    /// <summary>Null when the expression parses, else the parser's message.</summary>
    public static string? SyntaxError(string expression)
    {
        try
        {
            Engine.PrepareScript(Wrap(expression));
            return null;
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            return parse.Description;
        }
    }

    public static bool IsTrue(string expression, InstanceState state) =>
        TypeConverter.ToBoolean(Run(Wrap(expression), expression, state));

    /// <summary>The expression's value as JSON (undefined becomes null).</summary>
    public static JsonNode? Evaluate(string expression, InstanceState state)
    {
        var json = Run($"JSON.stringify({Wrap(expression)})", expression, state);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    /// <summary>A regular expression that backtracks without end is stopped, not the host.</summary>
    public static readonly TimeSpan RegexTimeLimit = TimeSpan.FromMilliseconds(100);

    private static JsValue Run(string script, string expression, InstanceState state)
    {
        var timeLimit = SandboxBudget.Allow(TimeLimit, $"The expression '{expression}'");
        var engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(timeLimit)
            .LimitMemory(16_000_000)
            .MaxStatements(10_000)
            .LimitRecursion(64)
            .MaxArraySize(JavaScriptSandbox.MaxArrayLength)
            .RegexTimeoutInterval(RegexTimeLimit)
            .DisableStringCompilation());
        JavaScriptSandbox.Close(engine);
        var parser = new Jint.Native.Json.JsonParser(engine);
        engine.SetValue("variables", parser.Parse(state.Variables.ToJsonString()));
        engine.SetValue("input", parser.Parse(state.Input.ToJsonString()));
        try
        {
            return SandboxBudget.Measure(() => engine.Evaluate(script));
        }
        catch (JavaScriptException e)
        {
            throw new ExpressionException(Words.Current["Expressions.JavaScript.Failed", expression, e.Message].Value, e);
        }
        catch (ParseErrorException e)
        {
            throw new ExpressionException(Words.Current["Expressions.JavaScript.NotValid", expression, e.Description].Value, e);
        }
        catch (Exception e) when (e is TimeoutException or MemoryLimitExceededException or StatementsCountOverflowException
                                      or RecursionDepthOverflowException or SandboxLimitException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new ExpressionException(Words.Current["Expressions.JavaScript.Stopped", expression, e.Message].Value, e);
        }
    }

    // Parenthesised so that an object literal or a comma expression is read as one value.
    private static string Wrap(string expression) => $"({expression})";
}

public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
