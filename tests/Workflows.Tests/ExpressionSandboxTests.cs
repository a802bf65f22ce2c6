using System.Diagnostics;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Expressions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// Expressions that would take a host down or hold it: each is stopped with a readable message, fast, and with little
/// memory, including the built-ins that one call of can allocate far past Jint's own memory limit.
/// </summary>
public sealed class ExpressionSandboxTests
{
    private static readonly InstanceState State = new() { Variables = new JsonObject { ["name"] = "Mari" } };

    [Theory]
    [InlineData("'x'.repeat(2**29).length")]
    [InlineData("'x'.padEnd(2**29).length")]
    [InlineData("'x'.repeat(10000).replaceAll('x', 'x'.repeat(10000)).length")]
    [InlineData("'x'.repeat(10000).replace(/x/g, 'x'.repeat(10000)).length")]
    [InlineData("'x'.repeat(10000).replace(/x/g, () => 'x'.repeat(10000)).length")]
    [InlineData("'x'.repeat(10000).concat(...Array(9000).fill('x'.repeat(10000))).length")]
    [InlineData("JSON.stringify(Array(9000).fill('x'.repeat(10000))).length")]
    [InlineData("Array(9999).join('x'.repeat(10000)).length")]
    [InlineData("String(Array(9000).fill('x'.repeat(10000))).length")]
    [InlineData("new Array(2**32 - 1).length")]
    [InlineData("Array.from({ length: 2**30 }).length")]
    [InlineData("new Uint8Array(2**30).length")]
    [InlineData("new ArrayBuffer(2**30).byteLength")]
    [InlineData("/(a+)+$/.test('a'.repeat(40) + 'b')")]
    [InlineData("(() => { while (true) {} })()")]
    [InlineData("(() => { const f = () => f(); return f(); })()")]
    [InlineData("(() => { let s = 'x'; for (let i = 0; i < 40; i++) s = s + s; return s.length; })()")]
    [InlineData("new Function('return 1')()")]
    public void A_bomb_is_stopped_fast_with_a_message_naming_the_expression(string bomb)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var act = () => JavaScript.Evaluate(bomb, State);

        act.Should().Throw<ExpressionException>().Which.Message.Should().Contain(bomb);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the time limit is half a second; this only catches a stall");
        (GC.GetAllocatedBytesForCurrentThread() - allocated).Should().BeLessThan(200_000_000, "nothing near the gigabyte the bomb asks for");
    }

    [Theory]
    [InlineData("variables.name.repeat(3)", "\"MariMariMari\"")]
    [InlineData("['a', 'b'].join(', ')", "\"a, b\"")]
    [InlineData("'kool'.replace('k', 'K').padEnd(6, '!')", "\"Kool!!\"")]
    [InlineData("JSON.stringify({ a: [1, 2] })", "\"{\\\"a\\\":[1,2]}\"")]
    [InlineData("String([1, 2])", "\"1,2\"")]
    [InlineData("'a,b'.split(',').concat(['c']).length", "3")]
    public void Ordinary_expressions_still_work_through_the_guards(string expression, string json) =>
        JsonNode.DeepEquals(JavaScript.Evaluate(expression, State), JsonNode.Parse(json)).Should().BeTrue(expression);
}
