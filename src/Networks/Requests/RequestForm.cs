using System.Text.Json;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Networks.Requests;

/// <summary>What the member's page shows: kept with the request so the page needs nothing else.</summary>
public sealed record RequestForm(LocalizedText Question, LocalizedText? Context, IReadOnlyList<FormField> Fields, string NetworkName, string CoordinatorName, string CoordinatorEmail)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    public static RequestForm FromJson(string json) => JsonSerializer.Deserialize<RequestForm>(json, WorkflowJson.Options)!;
}
