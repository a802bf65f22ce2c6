using System.Text.Json;
using Koostoo.Workflows.Definitions;
using MimeKit;
using MimeKit.Utils;

namespace Koostoo.Activities.Email;

/// <summary>
/// An outbox row as the MIME message a mailbox expects: Message-ID and Date fixed by the row (so every attempt
/// sends the same message), From the service, Auto-Submitted (no out-of-office storms back at the service),
/// List-Unsubscribe where the row has one, multipart/alternative text + HTML, attachments beside it.
/// </summary>
public static class MessageBuilder
{
    public static MimeMessage Build(OutboxMessage row, MailboxAddress from)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = row.CreatedAt,
            Subject = row.Subject,
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));
        // RFC 3834: mail sent by a program, not a person; well-behaved auto-responders stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        // Exchange and Outlook's own spelling of the same request.
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        if (row.ListUnsubscribe is not null) message.Headers.Add(HeaderId.ListUnsubscribe, row.ListUnsubscribe);
        if (row.ReplyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(row.ReplyTo));

        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody };
        foreach (var attachment in Attachments(row))
        {
            var type = ContentType.Parse(attachment.ContentType);
            // The content is text we hold as a .NET string; say how it was encoded.
            if (type.IsMimeType("text", "*") && type.Charset is null) type.Charset = "utf-8";
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(attachment.Content), type);
        }
        message.Body = body.ToMessageBody();
        // A Content-* header belongs to the body entity; on the message itself MimeKit would not write it.
        message.Body.Headers.Add(HeaderId.ContentLanguage, row.Language);
        return message;
    }

    /// <summary>A new Message-ID (without angle brackets) in the sender's domain.</summary>
    public static string NewMessageId(string domain) => MimeUtils.GenerateMessageId(domain);

    public static IReadOnlyList<EmailAttachment> Attachments(OutboxMessage row) =>
        row.Attachments is null ? [] : JsonSerializer.Deserialize<List<EmailAttachment>>(row.Attachments, WorkflowJson.Options) ?? [];
}
