namespace Koostoo.Service.Accounts;

/// <summary>
/// A personal key for scripts (<c>Authorization: Bearer KEY</c>): it acts as its user, with their roles, as long as
/// neither it is revoked nor the user disabled. Only the key's SHA-256 is stored; the key is shown once.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string UserId { get; init; }
    public required string Name { get; init; }
    /// <summary>Lowercase hex SHA-256 of the whole key.</summary>
    public required string Hash { get; init; }
    /// <summary>The key's first characters, so that its owner can tell keys apart on the page.</summary>
    public required string Prefix { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
