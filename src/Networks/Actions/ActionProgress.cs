namespace Koostoo.Networks.Actions;

/// <summary>
/// One progress report by an action's owner: how it is going, in their words. A report "late, I need help" is a
/// request for help: the coordinator is mailed at once, and it shows on the network page until she marks it resolved.
/// </summary>
public sealed class ActionProgress
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ActionItemId { get; set; }
    public DateTimeOffset At { get; set; }
    public ActionStatus Status { get; set; }
    public string? Note { get; set; }
    /// <summary>For a report of <see cref="ActionStatus.Late"/>: when the coordinator marked the help given.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public bool AsksForHelp => Status == ActionStatus.Late && ResolvedAt is null;
}
