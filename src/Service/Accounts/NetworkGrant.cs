namespace Koostoo.Service.Accounts;

/// <summary>
/// A co-coordinator: a staff user an admin gave access to a network they do not lead. They read and coordinate it as
/// its own coordinator does; only an admin grants and withdraws.
/// </summary>
public sealed class NetworkGrant
{
    public Guid NetworkId { get; init; }
    public required string UserId { get; init; }
    public DateTimeOffset GrantedAt { get; init; }
    /// <summary>The admin who granted it, by name.</summary>
    public required string GrantedBy { get; init; }
}
