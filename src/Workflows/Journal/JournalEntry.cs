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
    /// <summary>The instance moved to another version of its definition (docs/versions.md).</summary>
    InstanceMigrated,
    /// <summary>A faulted activity was run again.</summary>
    Retried,
    /// <summary>A faulted activity was completed with an outcome chosen by a person.</summary>
    OutcomeChosen,
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
