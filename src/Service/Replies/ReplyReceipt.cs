namespace Koostoo.Service.Replies;

/// <summary>
/// One message of the reply inbox, read: its IMAP UID within the folder's UIDVALIDITY, saved in the same transaction as
/// what the message caused (the answer, the member's help mail), so a host that dies mid-way reads each message once.
/// </summary>
public sealed class ReplyReceipt
{
    public long UidValidity { get; set; }
    public long Uid { get; set; }
    public Guid? RequestId { get; set; }
    public ReplyOutcome Outcome { get; set; }
    /// <summary>Whether this message got the member a short mail with the link; at most one per request a day.</summary>
    public bool HelpSent { get; set; }
    public DateTimeOffset At { get; set; }
}
