namespace Koostoo.Workflows.Runtime;

public enum InstanceStatus
{
    Running,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

/// <summary>One run of a definition version. Its whole state is here and in its bookmarks; nothing stays in memory.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public InstanceStatus Status { get; set; }
    /// <summary>The label the Finish activity gave (e.g. "Done", "Rejected").</summary>
    public string? Result { get; set; }
    public string? CurrentStage { get; set; }
    public string? Fault { get; set; }
    public string? FaultedActivityId { get; set; }
    /// <summary><see cref="InstanceState"/> as JSON.</summary>
    public string State { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped on every save; a save over a stale read fails and is retried.</summary>
    public int Revision { get; set; }

    public bool IsActive => Status is InstanceStatus.Running or InstanceStatus.Suspended;
}
