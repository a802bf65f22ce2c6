namespace Koostoo.Service.Accounts;

/// <summary>
/// One line of the audit log: who looked at or changed what, and when. Kept apart from a network's history (which
/// members may be told about); admins read all of it, a coordinator the lines of her networks.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The staff user's id, or null for the system.</summary>
    public string? ActorId { get; init; }
    public required string ActorName { get; init; }
    /// <summary>What was done, one of <see cref="AuditAction"/>'s words.</summary>
    public required string Action { get; init; }
    public Guid? NetworkId { get; init; }
    /// <summary>What else it concerns, by id or name: a definition, a user's address, a key's name, a sheet.</summary>
    public string? Subject { get; init; }
}
