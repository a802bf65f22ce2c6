using Koostoo.Networks.Members;

namespace Koostoo.Networks;

/// <summary>The kinds of network the field knows (docs/glossary.md, "võrgustiku roll").</summary>
public enum NetworkType
{
    Informative,
    ProblemSolving,
    CaseWork,
    Preventive,
    ChangeSeeking,
    Development,
}

public enum NetworkLevel
{
    Institution,
    Municipality,
    Regional,
    County,
    National,
    International,
}

public enum NetworkStatus
{
    Active,
    Finished,
    Cancelled,
}

/// <summary>
/// A collaboration network (koostöövõrgustik): a goal, a coordinator who leads it, its members, and the
/// workflow instance that walks it through the stages.
/// </summary>
public sealed class Network
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>Why the network exists: the reason and need every party should recognise (written before inviting anyone).</summary>
    public required string Purpose { get; set; }
    public NetworkType Type { get; set; }
    public NetworkLevel Level { get; set; }
    public string? TargetGroup { get; set; }
    public string? LeadOrganisation { get; set; }
    /// <summary>Where the goal comes from: the development plan, the welfare profile, a study.</summary>
    public string? StrategyReference { get; set; }
    public required string CoordinatorName { get; set; }
    public required string CoordinatorEmail { get; set; }
    /// <summary>The language of the network's shared texts; each member still reads mail in their own.</summary>
    public string Language { get; set; } = "et";
    /// <summary>Case work about a client: emails carry no client details, only links.</summary>
    public bool Confidential { get; set; }
    public NetworkStatus Status { get; set; } = NetworkStatus.Active;
    public Guid? WorkflowInstanceId { get; set; }
    public string WorkflowDefinitionId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<Member> Members { get; set; } = [];
}
