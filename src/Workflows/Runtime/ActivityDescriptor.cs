using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Workflows.Runtime;

/// <summary>An activity type as the designer and the loader see it.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    LocalizedText DisplayName,
    LocalizedText Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes);

public sealed record InputDescriptor(
    string Name,
    string Type,
    string UiHint,
    bool Required,
    JsonNode? Default,
    LocalizedText Label,
    IReadOnlyList<string>? Options);
