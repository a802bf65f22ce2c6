namespace Koostoo.Workflows.Runtime;

public enum ResumeStatus
{
    Resumed,
    /// <summary>Someone else's stimulus consumed the bookmark first; nothing was changed.</summary>
    AlreadyResumed,
    NotFound,
    /// <summary>The instance has finished, been cancelled or faulted.</summary>
    InstanceNotActive,
    /// <summary>A timer asked to fire well before its moment; nothing was changed.</summary>
    NotDue,
}

public sealed record ResumeResult(ResumeStatus Status, WorkflowInstance? Instance);
