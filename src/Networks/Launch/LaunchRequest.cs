using Koostoo.Language;
using Koostoo.Networks.Members;

namespace Koostoo.Networks.Launch;

/// <summary>What a coordinator fills in to launch a network: the goal first, then who is invited.</summary>
public sealed record LaunchRequest
{
    public string Name { get; init; } = "";
    public string Purpose { get; init; } = "";
    public NetworkType Type { get; init; } = NetworkType.ProblemSolving;
    public NetworkLevel Level { get; init; } = NetworkLevel.Municipality;
    public string? TargetGroup { get; init; }
    public string? LeadOrganisation { get; init; }
    public string? StrategyReference { get; init; }
    public string CoordinatorName { get; init; } = "";
    public string CoordinatorEmail { get; init; } = "";
    public string Language { get; init; } = "et";
    public bool Confidential { get; init; }
    public string DefinitionId { get; init; } = "network-lifecycle";
    public IReadOnlyList<MemberDraft> Members { get; init; } = [];
    /// <summary>The group agreements members accept in the roles stage; none given, <see cref="DefaultAgreements"/>.</summary>
    public IReadOnlyList<string>? Agreements { get; init; }
}

public sealed record MemberDraft
{
    public string Name { get; init; } = "";
    public string? Organisation { get; init; }
    public Sector Sector { get; init; } = Sector.Other;
    public string Email { get; init; } = "";
    public string? Phone { get; init; }
    public string Language { get; init; } = "et";
    public string? Role { get; init; }

    /// <summary>The member as the network keeps them: trimmed, empty optional fields as none, a known language.</summary>
    public Member ToMember(DateTimeOffset addedAt) => new()
    {
        Name = Name.Trim(),
        Organisation = Clean(Organisation),
        Sector = Sector,
        Email = Email.Trim(),
        Phone = Clean(Phone),
        Language = Languages.Or(Language),
        Role = Clean(Role),
        AddedAt = addedAt,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
