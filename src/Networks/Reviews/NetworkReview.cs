namespace Koostoo.Networks.Reviews;

/// <summary>
/// One review of how the network works (docs/coordinator.md, "Reviewing the network"): the coordinator starts it at
/// any stage, the members rate the network's functions and say what they expect, and it closes when all have answered
/// or its deadline passes. It runs as a workflow of its own beside the network's, so the network's stage never waits
/// for it. Numbered per network, so a repeat is compared with the one before.
/// </summary>
public sealed class NetworkReview
{
    /// <summary>The shipped workflow a review runs (workflows/network-review.json); it runs beside a network, never as one.</summary>
    public const string DefinitionId = "network-review";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public int Number { get; set; }
    public Guid WorkflowInstanceId { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>How many were asked, written when the review closes (while open, its requests are counted).</summary>
    public int? Asked { get; set; }

    public bool IsOpen => ClosedAt is null;
}
