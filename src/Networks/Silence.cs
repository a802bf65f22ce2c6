using Koostoo.Language;

namespace Koostoo.Networks;

/// <summary>How long someone has been silent, as a coordinator says it: in days once it is a day, else in hours.</summary>
public static class Silence
{
    public static string Of(TimeSpan span, string language)
    {
        var days = (int)span.TotalDays;
        var hours = Math.Max(0, (int)span.TotalHours);
        return days >= 1 ? Words.In(language).Count("Silence.Days", days) : Words.In(language).Count("Silence.Hours", hours);
    }
}
