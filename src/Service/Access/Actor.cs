using Koostoo.Networks.History;

namespace Koostoo.Service.Access;

public enum ActorKind
{
    /// <summary>A signed-in staff user (coordinator or admin), or a script with their API key.</summary>
    Staff,
    /// <summary>A member acting through their personal link; they have no account.</summary>
    Member,
    /// <summary>The service itself: a timer, the start-up import, a recurring job.</summary>
    System,
}

/// <summary>Staff roles. A coordinator leads networks; an admin owns definitions, users and the whole service.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
}

/// <summary>
/// Who acts. Every service method that reads or changes a network is given one, so that access is decided in one
/// place (<see cref="NetworkAccess"/>) and the network's history can say who did what.
/// </summary>
/// <param name="Id">The staff user's or member's id; null for the system.</param>
/// <param name="Name">How the history names them.</param>
/// <param name="Email">A staff user's address: a coordinator leads the networks that carry it.</param>
public sealed record Actor(ActorKind Kind, string? Id, string Name, string? Email, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Kind == ActorKind.System || Roles.Contains(StaffRoles.Admin);

    public static Actor Staff(string id, string name, string email, params string[] roles) =>
        new(ActorKind.Staff, id, name, email, roles.ToHashSet());

    public static Actor Member(Guid memberId, string name) => new(ActorKind.Member, memberId.ToString(), name, null, new HashSet<string>());

    /// <param name="what">What in the service acts: "timer", "import".</param>
    public static Actor System(string what) => new(ActorKind.System, null, what, null, new HashSet<string>());

    /// <summary>How the engine's journal names who moved or recovered an instance: the name, else the staff address, else the id.</summary>
    public string ForJournal() => !string.IsNullOrWhiteSpace(Name) ? Name : !string.IsNullOrWhiteSpace(Email) ? Email : Id ?? Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// How the network's history names this actor: staff and members by name (the local staff user, nameless until
    /// accounts exist, by the role word when read); the system by nothing, whatever part of it acted.
    /// </summary>
    public HistoryActor ForHistory() => Kind switch
    {
        ActorKind.Staff => HistoryActor.Staff(Name),
        ActorKind.Member => HistoryActor.Member(Name),
        _ => HistoryActor.System,
    };
}
