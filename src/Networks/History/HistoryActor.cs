using Koostoo.Networks.Requests;

namespace Koostoo.Networks.History;

public enum HistoryActorKind
{
    Staff,
    Member,
    System,
    /// <summary>A staff user acting as admin (moving a workflow to a new version, taking on a fault).</summary>
    Admin,
}

/// <summary>
/// Who made a history entry happen, as the history names them. The service's own actor lives where the network domain
/// cannot see it, so the service turns it into this. A staff user without a name is named by the role word.
/// </summary>
public readonly record struct HistoryActor(HistoryActorKind Kind, string? Name)
{
    /// <summary>Timers, a step closing, the workflow ending: nobody to name.</summary>
    public static readonly HistoryActor System = new(HistoryActorKind.System, null);

    public static HistoryActor Staff(string? name) => new(HistoryActorKind.Staff, string.IsNullOrWhiteSpace(name) ? null : name);

    public static HistoryActor Member(string name) => new(HistoryActorKind.Member, name);

    /// <summary>A staff user doing what only admins do: named by name, or by the admin's role word when nameless.</summary>
    public static HistoryActor Admin(string? name) => new(HistoryActorKind.Admin, string.IsNullOrWhiteSpace(name) ? null : name);

    /// <summary>Whoever answered a step through their link: a member, or the coordinator when a step asks them.</summary>
    public static HistoryActor Respondent(StepRequest request) =>
        request.MemberId is null ? Staff(request.RespondentName) : Member(request.RespondentName);
}
