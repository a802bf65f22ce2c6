using System.Text.Json.Nodes;
using Fluid;
using Koostoo.Activities.Email;

namespace Koostoo.Activities.Tests;

public class LiquidValueTests
{
    [Fact]
    public void Values_render_whether_parsed_from_json_or_put_into_the_variables_in_code()
    {
        // AskMembers writes counts as ints and answer times as DateTimeOffsets; a definition's defaults arrive parsed. All render in mail.
        var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var variables = new JsonObject
        {
            ["answered"] = 6, ["asked"] = JsonNode.Parse("8"), ["share"] = 0.75, ["counts"] = new JsonObject { ["late"] = 2 },
            ["at"] = at, ["name"] = "Mari", ["done"] = true,
        };
        Liquid.TryParse("{{ v.answered }}/{{ v.asked }} {{ v.share }} {{ v.counts.late }} {{ v.at }} {{ v.name }} {{ v.done }}", out var template, out _).Should().BeTrue();

        Liquid.Render(template, new Dictionary<string, object?> { ["v"] = Liquid.ToValue(variables) }, NullEncoder.Default)
            .Should().Be("6/8 0.75 2 2026-11-24T08:00:00+00:00 Mari true");
    }
}
