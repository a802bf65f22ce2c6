namespace Koostoo.Networks.Goals;

/// <summary>
/// One member's vote on a draft of the goal, with the reason they gave: the coordinator rewords a rejected draft from
/// what the members said against it, so the reason is kept beside the vote.
/// </summary>
public sealed class GoalVote
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    /// <summary>The draft voted on (<see cref="Goal.Draft"/>).</summary>
    public int Draft { get; set; }
    public Guid? MemberId { get; set; }
    public required string RespondentName { get; set; }
    public bool Approve { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset VotedAt { get; set; }
    /// <summary>The vote's request: a changed vote replaces the same row.</summary>
    public Guid? SourceRequestId { get; set; }
}
