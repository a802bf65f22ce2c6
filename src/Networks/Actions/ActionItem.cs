namespace Koostoo.Networks.Actions;

public enum ActionStatus
{
    /// <summary>In the plan, its owner has taken it on.</summary>
    Confirmed,
    OnTrack,
    Late,
    Done,
    /// <summary>The coordinator took it out of the plan: no more check-ins or reminders; kept, so the history and sheets still show it.</summary>
    Dropped,
}

/// <summary>
/// One measure of the action plan: what is done, by whom, by when (docs/glossary.md, "tegevuskava"). The owner reports
/// progress from their link; past its due date and not done, it is overdue and the coordinator hears of it.
/// </summary>
public sealed class ActionItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public required string What { get; set; }
    public Guid? OwnerMemberId { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>What the owner needs from the others to carry it out.</summary>
    public string? Needs { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Confirmed;
    public DateTimeOffset ConfirmedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>When the coordinator was told it is overdue; told once.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>The plan step's request this action came from: a changed answer updates the same action.</summary>
    public Guid? SourceRequestId { get; set; }

    public List<ActionProgress> Progress { get; set; } = [];

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    /// <summary>Still to be carried out: neither done nor dropped from the plan.</summary>
    public bool IsOpen => Status is not (ActionStatus.Done or ActionStatus.Dropped);
}
