namespace Koostoo.Networks.Members;

/// <summary>
/// A colleague a member suggested in their place when invited ("Soovitan kolleegi"): as typed ("name and email" in
/// one box), who suggested them, and the member they became once the coordinator invited them.
/// </summary>
public sealed class ColleagueSuggestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public Guid? SuggestedByMemberId { get; set; }
    public required string SuggestedBy { get; set; }
    /// <summary>The colleague as the member typed them.</summary>
    public required string Colleague { get; set; }
    public DateTimeOffset SuggestedAt { get; set; }
    /// <summary>Set when the coordinator invited them: the member they became.</summary>
    public Guid? InvitedMemberId { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public Guid? SourceRequestId { get; set; }
}
