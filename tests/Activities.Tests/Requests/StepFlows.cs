using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>Small definitions built in code: one people-step, then <c>after</c> waits for a signal, so what follows the step shows in the journal.</summary>
public static class StepFlows
{
    public const string Question = "Kas osaled võrgustikus?";

    /// <summary>AskMembers with a yes/no <c>join</c> and a <c>note</c>; <paramref name="inputs"/> add to or replace its inputs.</summary>
    public static string Ask(object? inputs = null, object[]? fields = null) => Flow("ask", "AskMembers", Merge(new JsonObject
    {
        ["question"] = new JsonObject { ["et"] = Question, ["en"] = "Will you take part in the network?" },
        ["fields"] = JsonSerializer.SerializeToNode(fields ?? [YesNo("join"), new { name = "note", type = "longText", label = new { et = "Märkus", en = "Note" } }]),
        ["quorum"] = "all",
        ["deadline"] = "P3D",
        ["quietHours"] = false,
    }, inputs), ["Done", "Timeout"]);

    /// <summary>TrackActions over the network's actions.</summary>
    public static string Track(object? inputs = null) => Flow("track", "TrackActions", Merge(new JsonObject
    {
        ["deadline"] = "P30D",
        ["checkInBefore"] = "P3D",
        ["quietHours"] = false,
    }, inputs), ["Done", "Timeout"]);

    public static object YesNo(string name) => new { name, type = "yesNo", required = true, label = new { et = name, en = name } };

    public static object Text(string name, string type = "text") => new { name, type, label = new { et = name, en = name } };

    private static JsonObject Merge(JsonObject inputs, object? extra)
    {
        if (extra is null) return inputs;
        foreach (var (name, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            inputs[name] = value?.DeepClone();
        return inputs;
    }

    private static string Flow(string step, string type, JsonObject inputs, string[] outcomes) => new JsonObject
    {
        ["id"] = $"{step}-flow",
        ["version"] = 1,
        ["name"] = new JsonObject { ["et"] = step, ["en"] = step },
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = step, ["type"] = type, ["inputs"] = inputs },
            new JsonObject { ["id"] = "after", ["type"] = "WaitForSignal", ["inputs"] = new JsonObject { ["signal"] = "next" } }),
        ["connections"] = new JsonArray(outcomes.Select(o => (JsonNode)new JsonObject { ["from"] = step, ["outcome"] = o, ["to"] = "after" }).ToArray()),
    }.ToJsonString();
}
