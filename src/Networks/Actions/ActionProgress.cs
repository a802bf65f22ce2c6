namespace Koostoo.Networks.Actions;

/// <summary>One progress report by an action's owner: how it is going, in their words.</summary>
public sealed class ActionProgress
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ActionItemId { get; set; }
    public DateTimeOffset At { get; set; }
    public ActionStatus Status { get; set; }
    public string? Note { get; set; }
}
