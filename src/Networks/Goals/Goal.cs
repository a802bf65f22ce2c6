namespace Koostoo.Networks.Goals;

public enum GoalStatus
{
    /// <summary>Drafted by the coordinator, put to the members.</summary>
    Proposed,
    Approved,
    /// <summary>The members did not approve it; the coordinator words a new draft.</summary>
    Rejected,
}

/// <summary>
/// The network's goal as the coordinator worded it (docs/glossary.md, "SMART"): the problem and the five SMART
/// parts. Every draft is kept, so the work sheets show how the goal was reached; the latest approved one is the goal.
/// </summary>
public sealed class Goal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    /// <summary>1 for the first draft, 2 after one rejection, ...</summary>
    public int Draft { get; set; }
    public required string Problem { get; set; }
    public required string Specific { get; set; }
    public required string Measurable { get; set; }
    public required string Ambitious { get; set; }
    public required string Realistic { get; set; }
    /// <summary>The T of SMART: by when.</summary>
    public DateOnly? TimeBound { get; set; }
    public GoalStatus Status { get; set; } = GoalStatus.Proposed;
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
