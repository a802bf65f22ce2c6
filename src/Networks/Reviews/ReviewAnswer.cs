using Koostoo.Networks.Members;

namespace Koostoo.Networks.Reviews;

/// <summary>
/// One member's ratings of the network's functions, 1 (very weak) to 5 (very good), 0 where they gave none (the
/// function does not concern their part of the work), and what they expect of the network. The sector is the member's
/// when they answered: expectations are read per party, not per name.
/// </summary>
public sealed class ReviewAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReviewId { get; set; }
    public Guid NetworkId { get; set; }
    public Guid? MemberId { get; set; }
    public required string RespondentName { get; set; }
    public Sector Sector { get; set; } = Sector.Other;
    public int InformationFlow { get; set; }
    public int SharedResponsibility { get; set; }
    public int EqualTreatment { get; set; }
    public int LeaderSupport { get; set; }
    public int RemoteAreas { get; set; }
    public int TargetGroup { get; set; }
    public string? Expectations { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    /// <summary>The review step's request: a changed answer replaces the same ratings.</summary>
    public Guid SourceRequestId { get; set; }
}
