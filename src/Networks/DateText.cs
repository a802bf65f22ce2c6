using System.Globalization;

namespace Koostoo.Networks;

/// <summary>
/// A day as people read it, the one way every page, mail, sheet and calendar description writes it: Estonian
/// <c>3. detsember 2026</c> in running text and <c>03.12.2026</c> where space is short (a list, a table cell);
/// English <c>3 December 2026</c> in both, since the short forms of English dates are read differently on each side of
/// the Atlantic. Moments add the time (<see cref="MomentText"/>).
/// </summary>
public static class DateText
{
    private static readonly CultureInfo Estonian = CultureInfo.GetCultureInfo("et-EE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string InWords(DateOnly day, string language) => language == "en"
        ? day.ToString("d MMMM yyyy", English)
        : day.ToString("d. MMMM yyyy", Estonian);

    public static string InFigures(DateOnly day, string language) => language == "en"
        ? InWords(day, language)
        : day.ToString("dd.MM.yyyy", Estonian);

    /// <summary>A local time in a table cell: the short day and the hour.</summary>
    public static string InFigures(DateTime local, string language) => language == "en"
        ? local.ToString("d MMMM yyyy, HH:mm", English)
        : local.ToString("dd.MM.yyyy HH:mm", Estonian);

    /// <summary>A date as a form stores it (<c>2027-01-31</c>) in running text; anything else unchanged.</summary>
    public static string InWords(string? stored, string language) =>
        DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? InWords(day, language) : stored ?? "";
}
