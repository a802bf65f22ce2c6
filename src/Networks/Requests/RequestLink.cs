using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Koostoo.Networks.Requests;

/// <summary>
/// One emailed link to a request: only the SHA-256 of its token is kept. Every email (the request, each reminder)
/// gets a link of its own, so the raw token never has to be stored to be sent again; all of a request's links
/// stop working when its step closes.
/// </summary>
public sealed partial class RequestLink
{
    /// <summary>What a link keeps in a sent mail's stored copy: the address without its token, which works no more.</summary>
    public const string RedactedToken = "…";

    [GeneratedRegex("/r/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex TokenInLink();

    /// <summary>
    /// The text with every member link's token taken out: the outbox keeps a sent mail without a working link, so the
    /// link stays a secret of the member's mailbox alone (docs/security.md).
    /// </summary>
    public static string Redact(string text) => TokenInLink().Replace(text, "/r/" + RedactedToken);

    public required byte[] TokenHash { get; set; }
    public Guid RequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A new link: the row to save and the token for the URL, which exists only in the email.</summary>
    public static (RequestLink Link, string Token) Create(Guid requestId, DateTimeOffset now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new RequestLink { TokenHash = Hash(token), RequestId = requestId, CreatedAt = now }, token);
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    /// <summary>Only well-formed tokens are looked up; anything else is unknown without a database query.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
