using System.Text;
using System.Text.RegularExpressions;

namespace Koostoo.Activities.Email;

/// <summary>Plain text as safe HTML: encoded (Estonian letters kept as they are), paragraphs kept, web links clickable (inline email bodies, the mailbox's text part).</summary>
public static partial class TextToHtml
{
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    public static string Convert(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in Regex.Split(text.Replace("\r\n", "\n").Trim(), @"\n\s*\n"))
        {
            if (paragraph.Length == 0) continue;
            html.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(Linkify))).Append("</p>\n");
        }
        return html.ToString();
    }

    /// <summary>Encodes the text and turns each http(s) URL into a link.</summary>
    public static string Linkify(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match url in Url().Matches(text))
        {
            html.Append(Liquid.Html.Encode(text[last..url.Index]));
            var encoded = Liquid.Html.Encode(url.Value);
            html.Append("<a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a>");
            last = url.Index + url.Length;
        }
        return html.Append(Liquid.Html.Encode(text[last..])).ToString();
    }
}
