namespace Koostoo.Networks.History;

/// <summary>
/// What happened in a network, for the coordinator (the engine's journal says it in activities): launched, a member
/// joined or left, the goal approved, an action overdue. Kept as the event with its arguments and who did it; the
/// words are <see cref="HistoryText"/>'s, in the reader's language.
/// </summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }
    public Guid NetworkId { get; set; }
    public DateTimeOffset At { get; set; }
    public HistoryKind Kind { get; set; }
    /// <summary>
    /// A JSON object: names and numbers as they were; a localized text as <c>{ "et", "en" }</c>; a moment as ISO 8601
    /// UTC, formatted when read.
    /// </summary>
    public string Arguments { get; set; } = "{}";
    public HistoryActorKind ActorKind { get; set; }
    /// <summary>Null for the system, and for a staff user the history names by their role.</summary>
    public string? ActorName { get; set; }
}
