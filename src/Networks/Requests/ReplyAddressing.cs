namespace Koostoo.Networks.Requests;

/// <summary>
/// The address replies to request mails go to (<c>Koostoo:Replies:Address</c>, e.g. <c>vastus@vald.ee</c>); unset, request
/// mails carry no reply address and say nothing of answering by reply. Each mail gets <c>vastus+KEY@vald.ee</c>, so
/// the mailbox must deliver plus-addressed mail to the base address (Dovecot's and most providers' default).
/// </summary>
public sealed class ReplyAddressing
{
    public const string Section = "Koostoo:Replies";

    public string? Address { get; set; }

    public bool IsOn => !string.IsNullOrWhiteSpace(Address) && Address.Contains('@');

    public string For(string key)
    {
        var at = Address!.LastIndexOf('@');
        return $"{Address[..at]}+{key}{Address[at..]}";
    }

    /// <summary>The key of a plus-address of this mailbox, or null.</summary>
    public string? KeyOf(string address)
    {
        if (!IsOn) return null;
        var at = Address!.LastIndexOf('@');
        var (local, domain) = (Address[..at], Address[(at + 1)..]);
        var addressAt = address.LastIndexOf('@');
        if (addressAt < 0 || !address[(addressAt + 1)..].Equals(domain, StringComparison.OrdinalIgnoreCase)) return null;
        var prefix = local + "+";
        var localPart = address[..addressAt];
        if (!localPart.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var key = localPart[prefix.Length..];
        return ReplyAddress.LooksLikeKey(key) ? key.ToLowerInvariant() : null;
    }
}
