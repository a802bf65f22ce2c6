using System.Globalization;

namespace Koostoo.Language;

/// <summary>
/// The languages Koostöö speaks, Estonian first: the one every text falls back to. Adding a language means adding
/// its code here and its resource files beside <see cref="Words"/> (docs/translating.md), nothing else in code.
/// </summary>
public static class Languages
{
    public const string Estonian = "et";

    /// <summary>Estonian, English, Russian: the codes a member's, a user's and a page's language may take.</summary>
    public static readonly IReadOnlyList<string> All = [Estonian, "en", "ru"];

    private static readonly Dictionary<string, CultureInfo> Cultures = new()
    {
        // en-GB, not en-US: day before month and a 24-hour clock, as the Estonian reader of an English page expects.
        [Estonian] = CultureInfo.GetCultureInfo("et-EE"),
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
        ["ru"] = CultureInfo.GetCultureInfo("ru-RU"),
    };

    public static bool IsKnown(string? language) => language is not null && Cultures.ContainsKey(language);

    /// <summary>The language itself when Koostöö speaks it, else Estonian.</summary>
    public static string Or(string? language) => IsKnown(language) ? language! : Estonian;

    /// <summary>The culture whose dates, numbers and list separator a reader of the language expects.</summary>
    public static CultureInfo Culture(string? language) => Cultures[Or(language)];

    /// <summary>The language of a culture (<c>ru-RU</c> → <c>ru</c>), Estonian for any other.</summary>
    public static string Of(CultureInfo culture) => Or(culture.TwoLetterISOLanguageName);
}
