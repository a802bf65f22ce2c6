namespace Koostoo.Activities.Timers;

/// <summary>
/// When nobody should be nudged: evenings and nights (20:00–08:00 local time by default) and, when asked,
/// weekends. A moment inside quiet time moves to the next allowed one, computed in local time so that
/// a daylight-saving change does not shift a morning reminder to 07:00 or 09:00.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, bool Weekends, TimeZoneInfo TimeZone)
{
    public static readonly TimeOnly DefaultStart = new(20, 0);
    public static readonly TimeOnly DefaultEnd = new(8, 0);
    public const string DefaultTimeZone = Koostoo.Networks.NetworkTime.ZoneId;

    public static QuietHours Default(bool weekends, string timeZone = DefaultTimeZone) =>
        new(DefaultStart, DefaultEnd, weekends, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    public bool IsQuiet(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZone);
        return (Weekends && IsWeekend(local.DayOfWeek)) || IsNight(TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The moment itself if it is allowed, else the first allowed moment after it.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime;
        // A week is the longest quiet stretch there can be; more steps mean the settings leave no time at all.
        for (var step = 0; step < 16; step++)
        {
            if (Weekends && IsWeekend(local.DayOfWeek))
            {
                local = At(local.Date.AddDays(local.DayOfWeek == DayOfWeek.Saturday ? 2 : 1), End);
                continue;
            }
            var time = TimeOnly.FromDateTime(local);
            if (!IsNight(time)) return ToInstant(local);
            // Evening part of the night: the morning after; early-morning part: this morning.
            local = At(Start > End && time >= Start ? local.Date.AddDays(1) : local.Date, End);
        }
        throw new InvalidOperationException("The quiet hours leave no time for reminders.");
    }

    private bool IsNight(TimeOnly time) =>
        Start > End ? time >= Start || time < End : time >= Start && time < End;

    private static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTime At(DateTime date, TimeOnly time) => date.Date + time.ToTimeSpan();

    private DateTimeOffset ToInstant(DateTime local)
    {
        // A local time skipped by the spring change does not exist; the first hour after the gap does.
        while (TimeZone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
