using Koostoo.Language;

namespace Koostoo.Networks;

/// <summary>A moment as a person reads it in a message, on a page or in the history: local time, their language, no seconds.</summary>
public static class MomentText
{
    public static string Format(DateTimeOffset moment, string language, string timeZone = Koostoo.Networks.NetworkTime.ZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var words = Words.In(language);
        return local.ToString(words["Format.Moment"], words.Culture);
    }
}
