namespace Koostoo.Service.Replies;

/// <summary>
/// The mailbox replies arrive in (<c>Koostoo:Replies</c>; its <c>Address</c>, which the request mails carry, is
/// <see cref="Koostoo.Networks.Requests.ReplyAddressing"/>'s, and is cleared at start when there is no mailbox to read):
/// read over IMAP when <c>Imap:Host</c> is set, else from <c>Folder</c>, a local folder of .eml files that /mailbox's
/// "reply" writes into, so replies can be tried on one machine. README and docs/replies.md.
/// </summary>
public sealed class ReplyInboxOptions
{
    public const string Section = "Koostoo:Replies";

    public ImapOptions Imap { get; set; } = new();
    /// <summary>Without an IMAP host: the local folder read as the inbox (one .eml per reply, named by its number).</summary>
    public string? Folder { get; set; }
    /// <summary>How often the inbox is read (cron, Hangfire's format).</summary>
    public string ReadCron { get; set; } = "* * * * *";

    /// <summary>Whether there is a mailbox to read replies from: an IMAP host, or the local folder.</summary>
    public bool HasMailbox => IsImap || !string.IsNullOrWhiteSpace(Folder);

    public bool IsImap => !string.IsNullOrWhiteSpace(Imap.Host);
}

public sealed class ImapOptions
{
    public string? Host { get; set; }
    /// <summary>993 suits SslOnConnect; 143 StartTls or None.</summary>
    public int Port { get; set; } = 993;
    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "SslOnConnect";
    public string? User { get; set; }
    /// <summary>Give it by environment variable (Koostoo__Replies__Imap__Password), never in the repository.</summary>
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";
}
