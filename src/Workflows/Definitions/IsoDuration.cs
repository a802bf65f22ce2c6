using Koostoo.Language;
using System.Xml;

namespace Koostoo.Workflows.Definitions;

/// <summary>ISO 8601 durations as definitions write them: <c>P3D</c>, <c>PT2H</c>, <c>P1W</c>.</summary>
public static class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text[0] is not ('P' or 'p' or '-')) return false;
        var normalized = text.Trim().ToUpperInvariant();
        // XmlConvert knows every part but weeks; a week is seven days.
        if (normalized.EndsWith('W') && int.TryParse(normalized[1..^1], out var weeks))
        {
            duration = TimeSpan.FromDays(7 * weeks);
            return true;
        }
        try
        {
            duration = XmlConvert.ToTimeSpan(normalized);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException(Words.Current["Definitions.IsoDuration.IsNotAnISO8601Duration", text].Value);
}
