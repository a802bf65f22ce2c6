using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Workflows.Versions;

public enum MigrationStatus
{
    /// <summary>A dry run: the instance would move as shown; nothing was changed.</summary>
    Ready,
    Migrated,
    /// <summary>An activity in flight has nowhere to go (or refused): the instance was left as it was.</summary>
    Blocked,
    /// <summary>The instance is on the target version already, moved by someone else meanwhile: nothing was changed.</summary>
    AlreadyMoved,
    /// <summary>Not an instance of the version asked about, or it has ended.</summary>
    NotEligible,
}

/// <summary>One thing an instance waits for: an answer, a command, a timer due at a moment, a signal.</summary>
public sealed record WaitingOn(Guid BookmarkId, BookmarkKind Kind, string? Key, DateTimeOffset? DueAt);

/// <summary>An activity in flight and what it waits for; a faulted one waits for nothing.</summary>
public sealed record WaitingStep(string ActivityId, string Type, string? Stage, IReadOnlyList<WaitingOn> Waits);

public enum TimerChangeKind
{
    Added,
    Removed,
}

public sealed record TimerChange(string ActivityId, string? Key, DateTimeOffset DueAt, TimerChangeKind Change);

/// <summary>
/// What moving one instance to another version does (a dry run) or did: where each activity in flight goes, what waits
/// now and after, which timers are added or removed (the rest keep their times), what the activities noted, and the
/// variables the new version declares that the instance lacks (they get the declared default).
/// </summary>
public sealed record InstanceMigration(
    Guid InstanceId,
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    MigrationStatus Status,
    InstanceStatus InstanceStatus,
    string? Reason,
    IReadOnlyList<StepMapping> Steps,
    IReadOnlyList<WaitingStep> WaitsNow,
    IReadOnlyList<WaitingStep> WaitsAfter,
    IReadOnlyList<TimerChange> Timers,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> MissingVariables)
{
    public static InstanceMigration Refused(WorkflowInstance instance, int from, int to, MigrationStatus status, string reason) =>
        new(instance.Id, instance.DefinitionId, from, to, status, instance.Status, reason, [], [], [], [], [], []);
}
