using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koostoo.Workflows.Tests;

/// <summary>Small definitions built in code, so each test shows the flowchart it runs.</summary>
public static class Definitions
{
    public static string Flow(string id, object[] activities, object[] connections, object[]? variables = null, string? start = null)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["version"] = 1,
            ["name"] = new JsonObject { ["et"] = id, ["en"] = id },
            ["activities"] = JsonSerializer.SerializeToNode(activities),
            ["connections"] = JsonSerializer.SerializeToNode(connections),
        };
        if (variables is not null) json["variables"] = JsonSerializer.SerializeToNode(variables);
        if (start is not null) json["start"] = start;
        return json.ToJsonString();
    }

    public static object Act(string id, string type, object? inputs = null) => new { id, type, inputs = inputs ?? new { } };

    public static object Link(string from, string to, string outcome = "Done") => new { from, outcome, to };

    public static object Var(string name, object? @default) => new { name, @default };
}
