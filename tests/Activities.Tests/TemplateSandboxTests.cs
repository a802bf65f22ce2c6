using System.Diagnostics;
using Fluid;
using Koostoo.Activities.Email;
using Koostoo.Workflows.Expressions;

namespace Koostoo.Activities.Tests;

/// <summary>
/// Templates that would take a host down: each is stopped with a readable message, fast and with little memory, whether
/// it loops, builds a huge range, or doubles a string with a filter or a capture a few dozen times.
/// </summary>
public sealed class TemplateSandboxTests
{
    [Theory]
    [InlineData("{% for i in (1..1000000000) %}x{% endfor %}")]
    [InlineData("{{ (1..100000000) | join: ',' | size }}")]
    [InlineData("{% for i in (1..10000) %}{% for j in (1..10000) %}x{% endfor %}{% endfor %}")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign a = 'x' | split: ',' %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}{{ a | size }}")]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..8) %}{% assign s = s | replace: 'x', s %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..16) %}{% assign s = s | append: s %}{% endfor %}{% capture c %}{% for i in (1..5000) %}{{ s }}{% endfor %}{% endcapture %}{{ c | size }}")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..16) %}{% assign s = s | append: s %}{% endfor %}{% for i in (1..5000) %}{{ s }}{% endfor %}")]
    public void A_bomb_is_stopped_fast_with_a_message(string bomb)
    {
        Liquid.TryParse(bomb, out var template, out var error).Should().BeTrue(error);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var act = () => Liquid.Render(template, new Dictionary<string, object?>(), NullEncoder.Default);

        act.Should().Throw<ExpressionException>().Which.Message.Should().StartWith("The template was stopped");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "this only catches a stall");
        (GC.GetAllocatedBytesForCurrentThread() - allocated).Should().BeLessThan(200_000_000, "nothing near the gigabytes the bomb asks for");
    }

    [Fact]
    public void Ordinary_templates_render_as_before()
    {
        Liquid.TryParse("{% for i in (1..3) %}{{ i }}{% endfor %} {{ 'a,b' | split: ',' | join: '+' | append: '!' | replace: '+', ' + ' }}"
            + "{% capture c %}{{ name | upcase }}{% endcapture %} {{ c }}", out var template, out _).Should().BeTrue();

        Liquid.Render(template, new Dictionary<string, object?> { ["name"] = "Mari" }, NullEncoder.Default).Should().Be("123 a + b! MARI");
    }
}
