using MimeKit;

namespace Koostoo.Service.Replies;

/// <summary>
/// The local reply folder (<c>Koostoo:Replies:Folder</c>): replies written on /mailbox, one .eml each, named by a number
/// that grows like an IMAP UID, so the inbox reads them the way it reads a mailbox.
/// </summary>
public static class LocalReplies
{
    public static IEnumerable<(long Uid, string File)> In(string folder) =>
        Directory.EnumerateFiles(folder, "*.eml")
            .Select(file => (Ok: long.TryParse(Path.GetFileNameWithoutExtension(file), out var uid), Uid: uid, File: file))
            .Where(f => f.Ok && f.Uid > 0).OrderBy(f => f.Uid).Select(f => (f.Uid, f.File));

    /// <summary>Writes a reply as the next file; returns its number.</summary>
    public static async Task<long> WriteAsync(string folder, MimeMessage reply, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        while (true)
        {
            var next = (In(folder).Select(f => f.Uid).DefaultIfEmpty(0).Max()) + 1;
            try
            {
                // CreateNew: two replies written at once never take the same number.
                await using var file = new FileStream(Path.Combine(folder, $"{next:D8}.eml"), FileMode.CreateNew);
                await reply.WriteToAsync(file, ct);
                return next;
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, $"{next:D8}.eml")))
            {
            }
        }
    }

    /// <summary>
    /// A reply to a request mail as a member's mail program would write it: from the member, to the mail's reply
    /// address, with what they typed above the quoted original.
    /// </summary>
    public static MimeMessage ReplyTo(MimeMessage original, string text)
    {
        var reply = new MimeMessage { Subject = "Re: " + original.Subject, InReplyTo = original.MessageId, Date = DateTimeOffset.UtcNow };
        reply.From.AddRange(original.To.Mailboxes);
        reply.To.AddRange(original.ReplyTo.Mailboxes);
        var quoted = string.Join("\n", (original.TextBody ?? "").Replace("\r\n", "\n").Split('\n').Select(l => "> " + l));
        reply.Body = new TextPart("plain") { Text = $"{text}\n\n{original.Date:dd.MM.yyyy HH:mm} Koostöö <{original.From.Mailboxes.First().Address}> kirjutas:\n{quoted}" };
        return reply;
    }
}
