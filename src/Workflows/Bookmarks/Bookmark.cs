namespace Koostoo.Workflows.Bookmarks;

public enum BookmarkKind
{
    /// <summary>Waits for a person's answer (a member's link, a coordinator's command).</summary>
    Response,
    /// <summary>Waits for a moment in time; <see cref="Bookmark.DueAt"/> is set.</summary>
    Timer,
    /// <summary>Waits for a named signal delivered through the API.</summary>
    Signal,
}

/// <summary>
/// Something a suspended activity waits for. The row is the only truth: a stimulus resumes the bookmark
/// whose id it carries, once, and marks it consumed in the same transaction as the instance's new state.
/// </summary>
public sealed class Bookmark
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public BookmarkKind Kind { get; set; }
    /// <summary>What the bookmark waits for within its activity: a signal name, a member id, "deadline"...</summary>
    public string? Key { get; set; }
    /// <summary>When a timer is due (UTC).</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>The activity's own JSON about this bookmark (which reminder, which member...).</summary>
    public string? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
