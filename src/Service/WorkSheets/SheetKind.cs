using System.Globalization;
using System.Text;
using Koostoo.Language;

namespace Koostoo.Service.WorkSheets;

/// <summary>The sheets a network keeps (docs/glossary.md, "näidistöölehed").</summary>
public enum SheetKind
{
    Members,
    Agreements,
    Plan,
    Meetings,
    Feedback,
    /// <summary>What each member's field knows and offers (the information stage).</summary>
    Information,
    /// <summary>The network's reviews: each function's average, weakest first, beside the previous review's; the parties' expectations.</summary>
    Review,
}

/// <summary>The sheets' names: in the address (fixed, English), as titles and in downloaded file names (the reader's language).</summary>
public static class SheetNames
{
    private static readonly Dictionary<string, SheetKind> ByAddress = Enum.GetValues<SheetKind>()
        .ToDictionary(k => k.ToString().ToLowerInvariant(), k => k, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Addresses => ByAddress.Keys;

    public static string Address(SheetKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? address, out SheetKind kind) => ByAddress.TryGetValue(address ?? "", out kind);

    public static string Title(SheetKind kind, string language) => Words.In(language)[$"Sheets.Title.{kind}"];

    /// <summary>The sheet's short name, as the network page lists it.</summary>
    public static string LinkText(SheetKind kind, string language) => Words.In(language)[$"Sheets.Link.{kind}"];

    /// <summary>E.g. <c>kooli-vorgustik-tooplaan.xlsx</c>: the network and the sheet, in letters every file system and mail client keeps.</summary>
    public static string FileName(string networkName, SheetKind kind, string language, string extension)
    {
        // The catalog's word is in Latin letters in every language: a file name survives any file system and mail client.
        var word = Words.In(language)[$"Sheets.FileName.{kind}"];
        var network = Slug(networkName);
        return $"{(network.Length == 0 ? "vorgustik" : network)}-{word}.{extension}";
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        // Decomposed, õ ä ö ü š ž lose their marks and keep their letter.
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }
}
