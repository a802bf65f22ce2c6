using System.Text.RegularExpressions;

namespace Koostoo.Networks.Replies;

/// <summary>
/// What a person wrote in a reply, without what their mail program added: the quoted original (<c>&gt;</c> lines,
/// "On … wrote:", "… kirjutas:", "… написал(а):", Outlook's header block and separators) and the signature.
/// </summary>
public static partial class ReplyText
{
    public static string TopOf(string body)
    {
        var lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (StartsQuote(lines, i))
            {
                // "On Mon, 2 Dec 2026 at 10:00, Kati Kask" may be wrapped before its "<kati@…> wrote:".
                var last = kept.FindLastIndex(l => l.Trim().Length > 0);
                if (last >= 0 && IsWrappedAttribution(kept[last])) kept.RemoveRange(last, kept.Count - last);
                break;
            }
            if (line is "--" or "-- " || SentFrom().IsMatch(line)) break;
            kept.Add(line);
        }
        return string.Join("\n", kept).Trim();
    }

    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.StartsWith('>')) return true;
        if (Attribution().IsMatch(line) || AddressAttribution().IsMatch(line)) return true;
        if (Separator().IsMatch(line)) return true;
        // Outlook: "From: …" then "Sent: …" / "Date: …" within the next lines, each in the writer's language.
        if (HeaderFrom().IsMatch(line))
            return lines.Skip(i + 1).Take(3).Any(next => HeaderNext().IsMatch(next.Trim()));
        return false;
    }

    private static bool IsWrappedAttribution(string line) => WrappedAttribution().IsMatch(line.Trim());

    [GeneratedRegex(@"(wrote|kirjutas|написал|написала|написал\(а\)|пишет)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    /// <summary>"Kirjutas Kati &lt;kati@…&gt;:", "пн, 7 дек. 2026 г. в 09:00, Kati &lt;kati@…&gt;:": whoever wrote, by address.</summary>
    [GeneratedRegex(@"(^(Kirjutas|Пишет)\s.*:$)|(<[^<>\s]+@[^<>\s]+>\s*:$)", RegexOptions.IgnoreCase)]
    private static partial Regex AddressAttribution();

    [GeneratedRegex(@"^(On|Kuupäeval|\d{1,2}\.\d{1,2}\.\d{2,4})\s.+[^.!?]$", RegexOptions.IgnoreCase)]
    private static partial Regex WrappedAttribution();

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Algne kiri|Algsõnum|Исходное сообщение|Forwarded message|Edastatud kiri)\s*-{2,}|_{8,})", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\*?(From|Saatja|Kellelt|От|Від)\s*:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|To|Saadetud|Kuupäev|Kellele|Отправлено|Дата|Кому)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderNext();

    [GeneratedRegex(@"^(Sent from my|Saadetud minu|Отправлено с|Get Outlook for)", RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();
}
