using System.Text.Json;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Networks.Members;

public enum MemberStatus
{
    Invited,
    Accepted,
    Declined,
    Left,
}

/// <summary>The fields a member can come from (docs/glossary.md, "sectors"); used to show which are missing from a network.</summary>
public enum Sector
{
    Social,
    Education,
    Health,
    Youth,
    Culture,
    Ngo,
    TargetGroup,
    Other,
}

/// <summary>A person in a network, representing their organisation. No account: they answer through emailed links.</summary>
public sealed class Member
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public required string Name { get; set; }
    public string? Organisation { get; set; }
    public Sector Sector { get; set; } = Sector.Other;
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string Language { get; set; } = "et";
    /// <summary>The role in the network (leader, note-taker, family contact, expert...), chosen in the roles stage.</summary>
    public string? Role { get; set; }
    /// <summary>
    /// The role as the roles step's option names it in every language it has (<c>{ "et": …, "en": …, "ru": … }</c>),
    /// for pages in any language; null for a role typed as free text.
    /// </summary>
    public string? RoleNames { get; set; }
    public MemberStatus Status { get; set; } = MemberStatus.Invited;
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    /// <summary>When the member accepted the group agreements (grupi kokkulepped), in the roles stage.</summary>
    public DateTimeOffset? AgreementsAcceptedAt { get; set; }

    /// <summary>The role in the reader's language where the step named it so, else as recorded.</summary>
    public string? RoleIn(string language) =>
        RoleNames is null ? Role : JsonSerializer.Deserialize<LocalizedText>(RoleNames)?.In(language) ?? Role;

    /// <summary>Still part of the network: asked in new steps, counted in quorums.</summary>
    public bool IsActive => Status is MemberStatus.Invited or MemberStatus.Accepted;
}
