using System.Security.Cryptography;

namespace Koostoo.Networks.Requests;

/// <summary>
/// One emailed link to a request: only the SHA-256 of its token is kept. Every email (the request, each reminder)
/// gets a link of its own, so the raw token never has to be stored to be sent again; all of a request's links
/// stop working when its step closes.
/// </summary>
public sealed class RequestLink
{
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
