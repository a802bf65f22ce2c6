using System.Text.Json;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Workflows.Runtime;

/// <summary>The variable part of an instance, kept as one JSON document in <see cref="WorkflowInstance.State"/>.</summary>
public sealed class InstanceState
{
    public JsonObject Input { get; set; } = new();
    public JsonObject Variables { get; set; } = new();
    /// <summary>Per activity id, the data the activity keeps between stimuli (Join arrivals, answers...).</summary>
    public Dictionary<string, JsonObject> Activities { get; set; } = new();

    public JsonObject DataOf(string activityId)
    {
        if (!Activities.TryGetValue(activityId, out var data))
            Activities[activityId] = data = new JsonObject();
        return data;
    }

    public static InstanceState Read(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options) ?? new InstanceState();

    public string Write() => JsonSerializer.Serialize(this, WorkflowJson.Options);
}
