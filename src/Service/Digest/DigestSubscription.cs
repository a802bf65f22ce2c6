namespace Koostoo.Service.Digest;

/// <summary>A coordinator's choice of a digest mail, and when it was last looked at (sent or, with nothing waiting, not).</summary>
public sealed class DigestSubscription
{
    /// <summary>The staff user's address, lower case: the board is read as them and the digest goes there.</summary>
    public required string Email { get; set; }
    public DigestFrequency Frequency { get; set; }
    public string Language { get; set; } = "et";
    /// <summary>When the job last decided for this coordinator; the next digest is due at the first 07:00 after it.</summary>
    public DateTimeOffset? CheckedAt { get; set; }
    /// <summary>Counts the job's decisions: a host claims one by moving it on from what it read, so each digest goes once.</summary>
    public long Checks { get; set; }
}
