namespace Koostoo.Networks.History;

/// <summary>
/// What happened in a network, in words a coordinator reads (the engine's journal says it in activities): launched,
/// a member joined or left, the goal approved, an action overdue. Estonian and English, written when it happens.
/// </summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }
    public Guid NetworkId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Et { get; set; }
    public required string En { get; set; }

    public string In(string language) => language == "en" ? En : Et;
}
