namespace Koostoo.Service.Meetings;

/// <summary>
/// A meeting as the coordinator writes it, through the API or the page form. Times are text, so that a time that
/// does not read gets its own message: ISO 8601 with an offset (<c>2025-05-06T10:00+03:00</c>) or without one, which
/// is read as Tallinn time (what a page's date-time field sends).
/// </summary>
public sealed record MeetingDraft
{
    public string? Title { get; init; }
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }
    public string? Place { get; init; }
    public string? OnlineLink { get; init; }
    public string? Agenda { get; init; }
}

/// <summary>The memo (kohtumise memo) written after a meeting.</summary>
public sealed record MemoDraft
{
    public string? Memo { get; init; }
}
