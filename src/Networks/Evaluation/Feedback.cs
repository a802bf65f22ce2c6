namespace Koostoo.Networks.Evaluation;

/// <summary>
/// One participant's feedback at the end of a cycle (docs/glossary.md, "tagasiside ja järelevalve"): scores 1 (not at all)
/// to 5 (very well), the resources it took and free text.
/// </summary>
public sealed class Feedback
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public Guid? MemberId { get; set; }
    public required string RespondentName { get; set; }
    public int GoalReached { get; set; }
    public int CooperationQuality { get; set; }
    public string? ResourcesUsed { get; set; }
    public int Satisfaction { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    /// <summary>The feedback step's request: a changed answer replaces the same feedback.</summary>
    public Guid? SourceRequestId { get; set; }
}
