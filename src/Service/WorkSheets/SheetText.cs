using Koostoo.Language;
using System.Globalization;

namespace Koostoo.Service.WorkSheets;

/// <summary>A cell as text, for the formats that have no types of their own (CSV, the print page): dates and decimals as the reader writes them.</summary>
public static class SheetText
{
    public static CultureInfo Culture(string language) => Languages.Culture(language);

    public static string Format(object? cell, string language) => cell switch
    {
        null => "",
        string text => text,
        DateOnly day => Koostoo.Networks.DateText.InFigures(day, language),
        DateTime moment => Koostoo.Networks.DateText.InFigures(moment, language),
        decimal number => number.ToString("0.0", Culture(language)),
        IFormattable other => other.ToString(null, Culture(language)),
        _ => cell.ToString() ?? "",
    };
}
