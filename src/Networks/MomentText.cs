using System.Globalization;

namespace Koostoo.Networks;

/// <summary>A moment as a person reads it in a message, on a page or in the history: local time, their language, no seconds.</summary>
public static class MomentText
{
    private static readonly CultureInfo Estonian = CultureInfo.GetCultureInfo("et-EE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(DateTimeOffset moment, string language, string timeZone = Koostoo.Networks.NetworkTime.ZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return language == "en"
            ? local.ToString("dddd d MMMM yyyy, HH:mm", English)
            : local.ToString("dddd, d. MMMM yyyy 'kell' HH:mm", Estonian);
    }
}
