namespace Koostoo.Service.Access;

public enum NetworkPermission
{
    /// <summary>See the network: its page, API view, sheets, meetings, history.</summary>
    Read,
    /// <summary>Change it as its coordinator: commands, members, meetings, cancel.</summary>
    Coordinate,
    /// <summary>What only an admin does to a network.</summary>
    Administer,
}
