using Koostoo.Language;
using System.Globalization;

namespace Koostoo.Activities.Timers;

/// <summary>A date and time as people write it in a definition: with an offset, or without one and then in the given time zone.</summary>
public static class LocalMoment
{
    public static bool TryParse(string text, out DateTime local, out TimeSpan? offset)
    {
        offset = null;
        local = default;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd'T'HH:mmZ"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            local = withOffset.DateTime;
            offset = withOffset.Offset;
            return true;
        }
        return DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
    }

    public static bool TryParse(string text, out DateTime local) => TryParse(text, out local, out _);

    public static DateTimeOffset Parse(string text, TimeZoneInfo zone)
    {
        if (!TryParse(text, out var local, out var offset))
            throw new FormatException(Words.Current["Timers.LocalMoment.IsNotADateAndTime", text].Value);
        return offset is { } given
            ? new DateTimeOffset(local, given).ToUniversalTime()
            : new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
