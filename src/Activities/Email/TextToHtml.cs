using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Koostoo.Activities.Email;

/// <summary>Plain text as safe HTML: encoded, paragraphs kept, web links clickable (inline email bodies, the mailbox's text part).</summary>
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
            html.Append("<p>").Append(Linkify(paragraph).Replace("\n", "<br>\n")).Append("</p>\n");
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
            html.Append(WebUtility.HtmlEncode(text[last..url.Index]));
            var encoded = WebUtility.HtmlEncode(url.Value);
            html.Append($"<a href=\"{encoded}\">{encoded}</a>");
            last = url.Index + url.Length;
        }
        return html.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }
}
