namespace Koostoo.Workflows.Runtime;

public enum ResumeStatus
{
    Resumed,
    /// <summary>Someone else's stimulus consumed the bookmark first; nothing was changed.</summary>
    AlreadyResumed,
    NotFound,
    /// <summary>The instance has finished, been cancelled or faulted.</summary>
    InstanceNotActive,
}

public sealed record ResumeResult(ResumeStatus Status, WorkflowInstance? Instance);
