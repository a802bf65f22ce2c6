using MimeKit;

namespace Koostoo.Activities.Email;

/// <summary>What counts as an email address here: a bare addr-spec (<c>mari@vald.ee</c>), no display name, no spaces.</summary>
public static class EmailAddress
{
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsWhiteSpace)) return false;
        if (!MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox) || mailbox.Address != text) return false;
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1;
    }
}
