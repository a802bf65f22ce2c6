using Koostoo.Activities.Control;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests.Timers;

/// <summary>Timer inputs are checked when a definition is loaded, each problem at its JSON path.</summary>
public class TimerValidationTests
{
    private readonly DefinitionParser _parser = new(new ActivityRegistry([typeof(If).Assembly]));

    private IEnumerable<string> PathsOf(object activity) =>
        _parser.Parse(Flow("x", [activity], [])).Problems.Select(p => p.Path);

    [Fact]
    public void A_bad_cron_expression_is_reported_at_the_cron_input()
    {
        PathsOf(Act("t", "Timer", new { cron = "every monday" })).Should().Equal("$.activities[0].inputs.cron");
        PathsOf(Act("t", "Timer", new { cron = "0 9 * * MON" })).Should().BeEmpty();
        PathsOf(Act("t", "Timer", new { cron = "30 0 9 * * MON" })).Should().BeEmpty("six fields include seconds");
    }

    [Fact]
    public void Timer_needs_exactly_one_of_cron_and_at()
    {
        PathsOf(Act("t", "Timer")).Should().Equal("$.activities[0].inputs.cron");
        PathsOf(Act("t", "Timer", new { cron = "0 9 * * *", at = "2026-12-01T09:00" })).Should().Equal("$.activities[0].inputs.cron");
        PathsOf(Act("t", "Timer", new { at = "first of December" })).Should().Equal("$.activities[0].inputs.at");
    }

    [Fact]
    public void Unknown_time_zone_is_reported()
    {
        PathsOf(Act("t", "Timer", new { cron = "0 9 * * *", timeZone = "Mars/Olympus" })).Should().Equal("$.activities[0].inputs.timeZone");
    }

    [Fact]
    public void Bad_deadline_and_reminders_are_reported_each_at_its_place()
    {
        PathsOf(Act("w", "WaitForSignal", new { signal = "s", deadline = "soon", reminders = new[] { "P1D", "tomorrow" } }))
            .Should().BeEquivalentTo("$.activities[0].inputs.deadline", "$.activities[0].inputs.reminders[1]");
    }

    [Fact]
    public void A_reminder_before_the_deadline_needs_a_deadline()
    {
        _parser.Parse(Flow("x", [Act("w", "WaitForSignal", new { signal = "s", reminders = new[] { "-PT2H" } })], []))
            .Problems.Should().ContainSingle().Which.Should().Be(new DefinitionProblem("$.activities[0].inputs.reminders[0]",
                "'-PT2H' counts back from the deadline, but there is no deadline."));
    }
}
