namespace Koostoo.Service.Access;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "What an actor may do to a network; the suffix the rule keeps for code-access-security types names exactly this here.")]
public enum NetworkPermission
{
    /// <summary>See the network: its page, API view, sheets, meetings, history.</summary>
    Read,
    /// <summary>Change it as its coordinator: commands, members, meetings, cancel.</summary>
    Coordinate,
    /// <summary>What only an admin does to a network.</summary>
    Administer,
}
