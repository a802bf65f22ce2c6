using System.Globalization;
using Koostoo.Language;

namespace Koostoo.Networks;

/// <summary>
/// A day as people read it, the one way every page, mail, sheet and calendar description writes it: in running text
/// (Estonian <c>3. detsember 2026</c>) and where space is short (<c>03.12.2026</c>, a list, a table cell). The patterns
/// are the catalog's (<c>Format.*</c>), since each language writes dates its own way: English keeps the month's name in
/// both, as its short forms are read differently on each side of the Atlantic. Moments add the time (<see cref="MomentText"/>).
/// </summary>
public static class DateText
{
    public static string InWords(DateOnly day, string language) => Format(day, "Format.DayInWords", language);

    public static string InFigures(DateOnly day, string language) => Format(day, "Format.DayInFigures", language);

    /// <summary>A local time in a table cell: the short day and the hour.</summary>
    public static string InFigures(DateTime local, string language)
    {
        var words = Words.In(language);
        return local.ToString(words["Format.MomentInFigures"], words.Culture);
    }

    /// <summary>A date as a form stores it (<c>2027-01-31</c>) in running text; anything else unchanged.</summary>
    public static string InWords(string? stored, string language) =>
        DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? InWords(day, language) : stored ?? "";

    private static string Format(DateOnly day, string pattern, string language)
    {
        var words = Words.In(language);
        return day.ToString(words[pattern], words.Culture);
    }
}
