using Koostoo.Networks.Members;

namespace Koostoo.Networks.Information;

/// <summary>
/// What one member's field knows of the situation and can offer (the information stage, docs/glossary.md "info
/// kogumine"): the ground the coordinator words the problem and the goal on. The sector is the member's when they
/// answered, so the record still reads right if the member is later moved or leaves.
/// </summary>
public sealed class Contribution
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public Guid? MemberId { get; set; }
    public required string RespondentName { get; set; }
    public Sector Sector { get; set; } = Sector.Other;
    public required string Knows { get; set; }
    public string? Offers { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    /// <summary>The information step's request: a changed answer replaces the same contribution. Null for one backfilled from an older workflow's variables.</summary>
    public Guid? SourceRequestId { get; set; }
}
