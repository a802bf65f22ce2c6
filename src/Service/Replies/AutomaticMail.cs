using MimeKit;

namespace Koostoo.Service.Replies;

/// <summary>
/// Mail that no person wrote: out-of-office and other automatic replies (RFC 3834 Auto-Submitted, and the headers
/// Exchange and others use instead), bounces (delivery status reports, the null sender, the mailer daemon) and
/// mailing-list traffic. Such mail is never answered, or two robots answer each other for ever.
/// </summary>
public static class AutomaticMail
{
    private static readonly string[] Subjects =
        ["out of office", "automatic reply", "autoreply", "auto-reply", "automaatne vastus", "kontorist väljas", "puhkusel", "автоответ", "автоматический ответ", "undeliverable", "delivery status notification", "mail delivery failed"];

    public static bool Is(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } submitted && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress") && headers.Contains("X-MS-Exchange-Inbox-Rules-Loop")) return true;
        if (headers[HeaderId.Precedence] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply") return true;
        if (headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe)) return true;
        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() is "<>" or "") return true;
        if (message.From.Mailboxes.Any(m => m.LocalPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
                                           || m.LocalPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase))) return true;
        if (message.Body is MultipartReport || message.BodyParts.Any(p => p.ContentType.IsMimeType("message", "delivery-status"))) return true;
        var subject = message.Subject?.ToLowerInvariant() ?? "";
        return Subjects.Any(subject.Contains);
    }
}
