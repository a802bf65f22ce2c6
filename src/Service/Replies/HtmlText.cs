using System.Net;
using System.Text.RegularExpressions;

namespace Koostoo.Service.Replies;

/// <summary>
/// The text of an HTML-only reply, as far as reading an answer needs it: block ends and breaks as new lines, the
/// quoted original (<c>&lt;blockquote&gt;</c>) left out, tags dropped, entities decoded.
/// </summary>
public static partial class HtmlText
{
    public static string Of(string html)
    {
        var text = Quoted().Replace(html, "\n>\n");
        text = Hidden().Replace(text, "");
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"<blockquote\b.*", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"<(head|style|script)\b.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6])>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
