using Koostoo.Activities.Control;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests;

public class DefinitionValidationTests
{
    private readonly DefinitionParser _parser = new(new ActivityRegistry([typeof(If).Assembly]));

    private IReadOnlyList<DefinitionProblem> Problems(string json) => _parser.Parse(json).Problems;

    [Fact]
    public void A_valid_definition_has_no_problems_and_finds_its_start()
    {
        var parsed = _parser.Parse(Flow("ok", [Act("a", "WaitForSignal", new { signal = "go" }), Act("b", "Finish")], [Link("a", "b")]));

        parsed.Problems.Should().BeEmpty();
        parsed.Valid.StartActivityId.Should().Be("a");
    }

    [Theory]
    [InlineData("sample-approval.json")]
    [InlineData("sample-email.json")]
    [InlineData("network-lifecycle.json")]
    public void The_shipped_definitions_are_valid(string name)
    {
        var file = Path.Combine(Repository.Workflows, name);
        _parser.Parse(File.ReadAllText(file)).Problems.Should().BeEmpty();
    }

    [Fact]
    public void Broken_json_is_reported_with_line_and_position()
    {
        Problems("{ \"id\": \"x\", ").Should().ContainSingle()
            .Which.Should().Match<DefinitionProblem>(p => p.Path == "$" && p.Message.Contains("line 1"));
    }

    [Fact]
    public void Missing_id_name_and_activities_are_each_reported()
    {
        Problems("{}").Select(p => p.Path).Should().BeEquivalentTo("$.id", "$.name", "$.activities");
    }

    [Fact]
    public void Unknown_activity_type_is_reported_at_its_type()
    {
        Problems(Flow("x", [Act("a", "SendFax")], [])).Should().ContainSingle()
            .Which.Should().Be(new DefinitionProblem("$.activities[0].type", "Unknown activity type 'SendFax'."));
    }

    [Fact]
    public void Dangling_connections_are_reported_at_from_and_to()
    {
        var problems = Problems(Flow("x", [Act("a", "Fork"), Act("b", "Finish")], [Link("a", "b"), Link("a", "nowhere"), Link("ghost", "b")]));

        problems.Select(p => p.Path).Should().Contain(["$.connections[1].to", "$.connections[2].from"]);
        problems.Single(p => p.Path == "$.connections[1].to").Message.Should().Contain("'nowhere'");
    }

    [Fact]
    public void Duplicate_activity_id_is_reported_at_the_second()
    {
        Problems(Flow("x", [Act("a", "Fork"), Act("a", "Finish")], []))
            .Should().Contain(p => p.Path == "$.activities[1].id" && p.Message.Contains("used twice"));
    }

    [Fact]
    public void Missing_required_input_is_reported_at_the_input()
    {
        Problems(Flow("x", [Act("a", "If"), Act("b", "Finish")], [Link("a", "b", "True")]))
            .Should().ContainSingle().Which.Path.Should().Be("$.activities[0].inputs.condition");
    }

    [Fact]
    public void Empty_required_input_counts_as_missing()
    {
        Problems(Flow("x", [Act("a", "WaitForSignal", new { signal = " " })], []))
            .Should().ContainSingle().Which.Path.Should().Be("$.activities[0].inputs.signal");
    }

    [Fact]
    public void Unreachable_activity_is_reported()
    {
        Problems(Flow("x", [Act("a", "Fork"), Act("b", "Finish"), Act("c", "Finish"), Act("d", "Fork")], [Link("a", "b"), Link("d", "c")], start: "a"))
            .Select(p => p.Path).Should().BeEquivalentTo("$.activities[2]", "$.activities[3]");
    }

    [Fact]
    public void A_cycle_without_entry_has_no_start()
    {
        Problems(Flow("x", [Act("a", "Fork"), Act("b", "Fork")], [Link("a", "b"), Link("b", "a")]))
            .Should().ContainSingle().Which.Should().Match<DefinitionProblem>(p => p.Path == "$.start" && p.Message.Contains("no start"));
    }

    [Fact]
    public void Several_candidate_starts_must_be_named()
    {
        Problems(Flow("x", [Act("a", "Finish"), Act("b", "Finish")], []))
            .Should().ContainSingle().Which.Message.Should().Contain("Several activities could be the start (a, b)");
    }

    [Fact]
    public void A_named_start_that_does_not_exist_is_reported()
    {
        Problems(Flow("x", [Act("a", "Finish")], [], start: "zz")).Should().ContainSingle().Which.Path.Should().Be("$.start");
    }

    [Theory]
    [InlineData("3 days")]
    [InlineData("P")]
    [InlineData("PT-5M")]
    [InlineData("P0D")]
    public void Bad_duration_is_reported_at_the_input(string duration)
    {
        Problems(Flow("x", [Act("a", "Delay", new { duration })], []))
            .Should().ContainSingle().Which.Path.Should().Be("$.activities[0].inputs.duration");
    }

    [Theory]
    [InlineData("P3D", 3 * 24 * 60)]
    [InlineData("PT2H", 120)]
    [InlineData("P1W", 7 * 24 * 60)]
    [InlineData("PT90M", 90)]
    public void Good_durations_parse(string text, int minutes)
    {
        IsoDuration.Parse(text).Should().Be(TimeSpan.FromMinutes(minutes));
        Problems(Flow("x", [Act("a", "Delay", new { duration = text })], [])).Should().BeEmpty();
    }

    [Fact]
    public void Bad_javascript_condition_is_reported_at_the_input()
    {
        Problems(Flow("x", [Act("a", "If", new { condition = "variables.x >= " })], []))
            .Should().ContainSingle().Which.Should().Match<DefinitionProblem>(p => p.Path == "$.activities[0].inputs.condition" && p.Message.Contains("JavaScript"));
    }

    [Fact]
    public void Outcome_the_activity_does_not_have_is_reported()
    {
        Problems(Flow("x", [Act("a", "If", new { condition = "true" }), Act("b", "Finish")], [Link("a", "b", "Maybe")]))
            .Should().Contain(p => p.Path == "$.connections[0].outcome" && p.Message.Contains("True, False"));
    }

    [Fact]
    public void Unknown_input_wrong_input_type_and_unknown_stage_are_reported()
    {
        var problems = Problems(Flow("x", [
            new { id = "a", type = "Join", stage = "nowhere", inputs = new { mode = "all", colour = "red" } },
            Act("b", "WaitForSignal", new { signal = new[] { 1, 2 } }),
        ], [Link("a", "b")]));

        problems.Select(p => p.Path).Should().BeEquivalentTo("$.activities[0].stage", "$.activities[0].inputs.colour", "$.activities[1].inputs.signal");
    }

    [Fact]
    public void Every_problem_is_reported_in_one_go()
    {
        var problems = Problems(Flow("x", [Act("a", "If"), Act("a", "Nope"), Act("c", "Delay", new { duration = "soon" })], [Link("a", "zz")]));

        problems.Select(p => p.Path).Should().Contain([
            "$.activities[0].inputs.condition", "$.activities[1].id", "$.activities[1].type",
            "$.activities[2].inputs.duration", "$.connections[0].to"]);
    }

}
