namespace Koostoo.Networks.Agreements;

/// <summary>
/// One of the group's agreements (grupi kokkulepped), such as "we keep the client's details within the network".
/// Each member accepts them in the roles stage (<see cref="Members.Member.AgreementsAcceptedAt"/>).
/// </summary>
public sealed class GroupAgreement
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}
