namespace Koostoo.Networks;

/// <summary>
/// A network's dates and times are Estonian: an action due today is not overdue until Tallinn's day ends, and pages,
/// sheets and mails show Tallinn's wall clock.
/// </summary>
public static class NetworkTime
{
    public const string ZoneId = "Europe/Tallinn";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now).DateTime);
}
