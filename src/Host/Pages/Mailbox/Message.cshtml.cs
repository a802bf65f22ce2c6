using Koostoo.Activities.Email;
using Koostoo.Service.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace Koostoo.Host.Pages.Mailbox;

public sealed class MessageModel(PickupMailbox mailbox) : PageModel
{
    public string Subject { get; private set; } = "";
    public string To { get; private set; } = "";
    public string From { get; private set; } = "";
    public DateTimeOffset Date { get; private set; }
    public string MessageId { get; private set; } = "";
    public IReadOnlyList<string> Attachments { get; private set; } = [];
    /// <summary>The HTML part with links opening outside the frame.</summary>
    public string? Html { get; private set; }
    /// <summary>The text part as encoded HTML with clickable links.</summary>
    public string? TextHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var message = await mailbox.OpenAsync(id, ct);
        if (message is null) return NotFound();
        Subject = message.Subject ?? "";
        To = string.Join(", ", message.To.Mailboxes.Select(Format));
        From = string.Join(", ", message.From.Mailboxes.Select(Format));
        Date = message.Date;
        MessageId = message.MessageId ?? "";
        Attachments = message.Attachments.Select(a => a is MimePart part ? $"{part.FileName} ({part.ContentType.MimeType})" : a.ContentType.MimeType).ToList();
        Html = message.HtmlBody is { } html ? LinksOpenOutside(html) : null;
        TextHtml = message.TextBody is { } text ? TextToHtml.Convert(text) : null;
        return Page();
    }

    /// <summary>A base target in the head (before it, the document would lose its doctype), so links leave the sandboxed frame.</summary>
    private static string LinksOpenOutside(string html)
    {
        const string Base = "<base target=\"_blank\">";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? Base + html : html.Insert(head + "<head>".Length, Base);
    }

    private static string Format(MailboxAddress m) => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>";
}
