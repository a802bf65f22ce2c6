namespace Koostoo.Workflows.Journal;

public enum JournalEvent
{
    InstanceStarted,
    Started,
    Completed,
    Suspended,
    Resumed,
    Waiting,
    Faulted,
    InstanceFinished,
    InstanceCancelled,
    InstanceFaulted,
    Note,
}

/// <summary>One line of an instance's append-only execution log.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public JournalEvent Event { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? Outcome { get; set; }
    public string? Message { get; set; }
}
