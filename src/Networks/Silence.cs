namespace Koostoo.Networks;

/// <summary>How long someone has been silent, as a coordinator says it: in days once it is a day, else in hours.</summary>
public static class Silence
{
    public static string Of(TimeSpan span, string language)
    {
        var days = (int)span.TotalDays;
        var hours = Math.Max(0, (int)span.TotalHours);
        return (days >= 1, language == "en") switch
        {
            (true, true) => days == 1 ? "1 day" : $"{days} days",
            (true, false) => days == 1 ? "1 päev" : $"{days} päeva",
            (false, true) => hours == 1 ? "1 hour" : $"{hours} hours",
            (false, false) => hours == 1 ? "1 tund" : $"{hours} tundi",
        };
    }
}
