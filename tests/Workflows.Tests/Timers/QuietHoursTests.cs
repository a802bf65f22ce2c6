using Koostoo.Activities.Timers;

namespace Koostoo.Workflows.Tests.Timers;

public class QuietHoursTests
{
    private static readonly TimeZoneInfo Tallinn = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Tallinn.GetUtcOffset(local));
    }

    [Fact]
    public void A_working_hour_is_left_alone()
    {
        var tuesdayMorning = Local(2026, 11, 24, 10, 30);
        QuietHours.Default(weekends: true).NextAllowed(tuesdayMorning).Should().Be(tuesdayMorning);
    }

    [Fact]
    public void An_evening_moves_to_the_next_morning_at_eight()
    {
        QuietHours.Default(weekends: true).NextAllowed(Local(2026, 11, 24, 21, 15))
            .Should().Be(Local(2026, 11, 25, 8, 0));
    }

    [Fact]
    public void Early_morning_moves_to_eight_the_same_day()
    {
        QuietHours.Default(weekends: true).NextAllowed(Local(2026, 11, 25, 5, 0))
            .Should().Be(Local(2026, 11, 25, 8, 0));
    }

    [Fact]
    public void Friday_evening_moves_across_the_weekend_to_Monday_morning()
    {
        var friday = Local(2026, 11, 27, 20, 0);
        friday.DayOfWeek.Should().Be(DayOfWeek.Friday);

        QuietHours.Default(weekends: true).NextAllowed(friday).Should().Be(Local(2026, 11, 30, 8, 0));
    }

    [Fact]
    public void Without_the_weekend_rule_Saturday_noon_is_allowed()
    {
        var saturday = Local(2026, 11, 28, 12, 0);
        QuietHours.Default(weekends: false).NextAllowed(saturday).Should().Be(saturday);
        QuietHours.Default(weekends: true).NextAllowed(saturday).Should().Be(Local(2026, 11, 30, 8, 0));
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_morning_is_still_eight_local()
    {
        // Summer time ends in Tallinn on Sunday 25 October 2026 at 04:00 (UTC+3 -> UTC+2).
        var saturdayNight = new DateTimeOffset(2026, 10, 24, 19, 0, 0, TimeSpan.Zero); // 22:00 local, summer time
        var next = QuietHours.Default(weekends: false).NextAllowed(saturdayNight);

        next.Should().Be(new DateTimeOffset(2026, 10, 25, 6, 0, 0, TimeSpan.Zero)); // 08:00 local, winter time
        TimeZoneInfo.ConvertTime(next, Tallinn).Hour.Should().Be(8);
    }

    [Fact]
    public void Across_the_spring_clock_change_the_morning_is_still_eight_local()
    {
        // Summer time starts on Sunday 29 March 2026 at 03:00 (UTC+2 -> UTC+3).
        var saturdayNight = new DateTimeOffset(2026, 3, 28, 20, 0, 0, TimeSpan.Zero);
        QuietHours.Default(weekends: false).NextAllowed(saturdayNight)
            .Should().Be(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero));
    }
}
