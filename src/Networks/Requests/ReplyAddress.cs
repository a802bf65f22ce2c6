using System.Security.Cryptography;

namespace Koostoo.Networks.Requests;

/// <summary>
/// The reply address of one request mail, <c>local+KEY@domain</c>: a reply finds its request by the key, never by
/// the subject. Like a link's token, the key is random and only its SHA-256 is kept; it is lower-case letters and
/// digits (base32), since mail systems may change the case of an address's local part.
/// </summary>
public sealed class ReplyAddress
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    /// <summary>26 characters of base32: 130 random bits.</summary>
    public const int KeyLength = 26;

    public required byte[] KeyHash { get; set; }
    public Guid RequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static (ReplyAddress Row, string Key) Create(Guid requestId, DateTimeOffset now)
    {
        var bytes = RandomNumberGenerator.GetBytes(KeyLength);
        var key = new string(bytes.Select(b => Alphabet[b % 32]).ToArray());
        return (new ReplyAddress { KeyHash = Hash(key), RequestId = requestId, CreatedAt = now }, key);
    }

    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(key.ToLowerInvariant()));

    public static bool LooksLikeKey(string? key) =>
        key is { Length: KeyLength } && key.All(c => Alphabet.Contains(char.ToLowerInvariant(c)));
}
