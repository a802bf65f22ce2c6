using Hangfire;
using Koostoo.Activities.Email;
using Koostoo.Service.Email;
using Koostoo.Networks.Requests;
using Koostoo.Service.Replies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Koostoo.Host.Pages.Mailbox;

public sealed class MessageModel(PickupMailbox mailbox, IOptions<ReplyInboxOptions> inbox, IOptions<ReplyAddressing> replies,
    IBackgroundJobClient jobs) : PageModel
{
    /// <summary>A request mail can be answered here by reply when replies are read from the local folder (no IMAP).</summary>
    public bool CanReply { get; private set; }
    public bool Replied { get; private set; }

    private bool ReadsLocalFolder => replies.Value.IsOn && !inbox.Value.IsImap;

    public string Subject { get; private set; } = "";
    public string To { get; private set; } = "";
    public string From { get; private set; } = "";
    public DateTimeOffset Date { get; private set; }
    public string MessageId { get; private set; } = "";
    public IReadOnlyList<string> Attachments { get; private set; } = [];
    public string Id { get; private set; } = "";
    /// <summary>The message has an HTML part, shown in a frame of its own (<see cref="OnGetHtmlAsync"/>).</summary>
    public bool HasHtml { get; private set; }
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
        Id = id;
        HasHtml = message.HtmlBody is not null;
        TextHtml = message.TextBody is { } text ? TextToHtml.Convert(text) : null;
        CanReply = ReadsLocalFolder && message.ReplyTo.Mailboxes.Any();
        Replied = Request.Query.ContainsKey("replied");
        return Page();
    }

    /// <summary>
    /// The HTML part alone, for the page's sandboxed frame: under a policy of its own that lets the mail's inline styles
    /// apply and nothing run, framed by this site only (docs/security.md).
    /// </summary>
    public async Task<IActionResult> OnGetHtmlAsync(string id, CancellationToken ct)
    {
        var message = await mailbox.OpenAsync(id, ct);
        if (message?.HtmlBody is not { } html) return NotFound();
        Response.Headers.ContentSecurityPolicy = Security.SecurityHeaders.EmailHtmlPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(LinksOpenOutside(html), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Writes the reply a member's mail program would send into the local reply folder and has the inbox read at once,
    /// so one person can try answering by reply with <c>dotnet run</c>.
    /// </summary>
    public async Task<IActionResult> OnPostReplyAsync(string id, string? text, CancellationToken ct)
    {
        var message = await mailbox.OpenAsync(id, ct);
        if (message is null) return NotFound();
        if (!ReadsLocalFolder || !message.ReplyTo.Mailboxes.Any()) return BadRequest();
        await LocalReplies.WriteAsync(inbox.Value.Folder!, LocalReplies.ReplyTo(message, text ?? ""), ct);
        jobs.Enqueue<ReplyInbox>(r => r.ReadAsync(CancellationToken.None));
        return Redirect($"{Request.PathBase}{Request.Link($"/mailbox/{id}?replied=1")}");
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
