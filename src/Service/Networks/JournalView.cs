using Koostoo.Workflows.Journal;

namespace Koostoo.Service.Networks;

/// <summary>A line of a workflow instance's journal, as the coordinator and the API read it.</summary>
public sealed record JournalView(DateTimeOffset At, JournalEvent Event, string? ActivityId, string? ActivityType, string? Outcome, string? Message);
