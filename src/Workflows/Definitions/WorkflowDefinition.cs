using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Koostoo.Workflows.Definitions;

/// <summary>A flowchart of activities joined by outcome-labelled connections. See docs/engine.md.</summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }
    public int Version { get; init; } = 1;
    public required LocalizedText Name { get; init; }
    public LocalizedText? Description { get; init; }
    public IReadOnlyList<StageDefinition> Stages { get; init; } = [];
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    public string? Start { get; init; }
    public IReadOnlyList<ActivityDefinition> Activities { get; init; } = [];
    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];

    public ActivityDefinition Activity(string id) =>
        Activities.FirstOrDefault(a => a.Id == id) ?? throw new KeyNotFoundException($"Activity '{id}' is not in workflow '{Id}'.");

    /// <summary>The start: the declared one, or else the one activity nothing leads to.</summary>
    [JsonIgnore]
    public string StartActivityId =>
        Start ?? Activities.Single(a => Connections.All(c => c.To != a.Id)).Id;

    public IEnumerable<ConnectionDefinition> ConnectionsFrom(string activityId, string outcome) =>
        Connections.Where(c => c.From == activityId && string.Equals(c.Outcome, outcome, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> InboundSources(string activityId) =>
        Connections.Where(c => c.To == activityId).Select(c => c.From).Distinct();
}

public sealed record StageDefinition(string Id, LocalizedText Name);

public sealed record VariableDefinition(string Name, string Type = "json", JsonNode? Default = null);

public sealed record ActivityDefinition
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Stage { get; init; }
    public LocalizedText? Name { get; init; }
    public JsonObject Inputs { get; init; } = new();
    public DesignerPosition? Designer { get; init; }
}

public sealed record DesignerPosition(double X, double Y);

public sealed record ConnectionDefinition(string From, string Outcome, string To);
