using Koostoo.Activities.Control;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests;

/// <summary>AskMembers' inputs are checked when a definition is loaded, each problem at its JSON path.</summary>
public class AskMembersValidationTests
{
    private readonly DefinitionParser _parser = new(new ActivityRegistry([typeof(If).Assembly]));

    private static object Ask(object extra)
    {
        var inputs = new Dictionary<string, object?>
        {
            ["question"] = "Kas osaled?",
            ["fields"] = new object[]
            {
                new { name = "answer", type = "choice", label = "Vastus", required = true, options = new[] { new { value = "accept", label = "Jah" }, new { value = "decline", label = "Ei" } } },
                new { name = "note", type = "text", label = "Märkus" },
            },
        };
        foreach (var property in extra.GetType().GetProperties()) inputs[property.Name] = property.GetValue(extra);
        return new { id = "ask", type = "AskMembers", inputs };
    }

    private IEnumerable<string> PathsOf(object activity) => _parser.Parse(Flow("x", [activity], [])).Problems.Select(p => p.Path);

    [Fact]
    public void A_complete_step_has_no_problems() =>
        PathsOf(Ask(new { quorum = "majority", deadline = "P5D", onDeadline = "extend", extendBy = "P2D", statusField = "answer",
            memberStatus = new { accept = "Accepted", decline = "Declined" } })).Should().BeEmpty();

    [Fact]
    public void The_status_field_must_be_a_choice_of_the_form_and_have_a_mapping()
    {
        PathsOf(Ask(new { statusField = "note", memberStatus = new { accept = "Accepted" } })).Should().Equal("$.activities[0].inputs.statusField");
        PathsOf(Ask(new { statusField = "answer" })).Should().Equal("$.activities[0].inputs.memberStatus");
        PathsOf(Ask(new { statusField = "answer", memberStatus = new { accept = "Happy" } })).Should().Equal("$.activities[0].inputs.memberStatus");
    }

    [Fact]
    public void Quorum_deadline_policy_audience_and_decision_are_checked()
    {
        PathsOf(Ask(new { quorum = "half" })).Should().Equal("$.activities[0].inputs.quorum");
        PathsOf(Ask(new { onDeadline = "escalate" })).Should().Equal("$.activities[0].inputs.onDeadline");
        PathsOf(Ask(new { deadline = "P3D", onDeadline = "extend" })).Should().Equal("$.activities[0].inputs.extendBy");
        PathsOf(Ask(new { audience = new[] { "members", "mari@kool.ee", "everyone" } }))
            .Should().Equal("$.activities[0].inputs.audience[1]", "$.activities[0].inputs.audience[2]");
        PathsOf(Ask(new { decision = "answer" })).Should().Equal("$.activities[0].inputs.decision");
    }

    [Fact]
    public void Recording_needs_a_known_kind_and_the_fields_it_reads()
    {
        PathsOf(Ask(new { record = "minutes" })).Should().Equal("$.activities[0].inputs.record");
        _parser.Parse(Flow("x", [Ask(new { record = "plan" })], [])).Problems.Should().ContainSingle()
            .Which.Message.Should().Be("Recording 'plan' reads the fields action, due, confirm, which the form lacks.");
        PathsOf(Ask(new { record = "goal-decision" })).Should().Equal("$.activities[0].inputs.decision");
    }

    [Fact]
    public void Tracking_actions_checks_its_check_in_time()
    {
        var track = new { id = "track", type = "TrackActions", inputs = new { checkInBefore = "three days" } };
        PathsOf(track).Should().Equal("$.activities[0].inputs.checkInBefore");
        PathsOf(new { id = "track", type = "TrackActions", inputs = new { checkInBefore = "P3D", deadline = "P90D" } }).Should().BeEmpty();
    }
}
