namespace Koostoo.Networks.Meetings;

/// <summary>
/// A network meeting: when and where (a room or a video link), its agenda (päevakord) beforehand and its memo
/// (kohtumise memo) afterwards. Members get it as a calendar invitation.
/// </summary>
public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }
    public string? Memo { get; set; }
    /// <summary>The calendar's SEQUENCE: raised on every change, so calendars replace the earlier invitation.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
