using Koostoo.Activities.Timers;

namespace Koostoo.Workflows.Tests.Timers;

public class ReminderPlanTests
{
    // Monday 23 November 2026, 10:00 in Tallinn.
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offsets_count_from_the_start_and_back_from_the_deadline()
    {
        var deadline = Monday10.AddDays(3); // Thursday 10:00
        ReminderPlan.Compute(Monday10, deadline, ["P1D", "-PT2H"], quiet: null)
            .Should().Equal(Monday10.AddDays(1), deadline.AddHours(-2));
    }

    [Fact]
    public void A_reminder_in_quiet_hours_moves_to_the_morning()
    {
        // 12 hours after Monday 10:00 is 22:00: the reminder goes out Tuesday 08:00 local (06:00 UTC).
        ReminderPlan.Compute(Monday10, Monday10.AddDays(3), ["PT12H"], QuietHours.Default(weekends: true))
            .Should().Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_reminder_pushed_to_or_past_the_deadline_is_dropped()
    {
        var friday18 = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        var deadline = friday18.AddDays(2); // Sunday 18:00: the weekend pushes the reminder to Monday
        ReminderPlan.Compute(friday18, deadline, ["PT4H"], QuietHours.Default(weekends: true)).Should().BeEmpty();
    }

    [Fact]
    public void Reminders_that_meet_at_the_same_moment_go_out_once()
    {
        ReminderPlan.Compute(Monday10, Monday10.AddDays(3), ["PT11H", "PT12H"], QuietHours.Default(weekends: true))
            .Should().ContainSingle();
    }

    [Fact]
    public void Counting_back_needs_a_deadline()
    {
        ReminderPlan.Compute(Monday10, null, ["-PT2H", "P1D"], quiet: null).Should().Equal(Monday10.AddDays(1));
    }
}
