using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>The plan stage and its execution alone (published under the scenario's id): each member takes on an action with a due date that may not be past; then the actions are followed.</summary>
public static class PlanScenario
{
    public static string Definition() => new JsonObject
    {
        ["id"] = AskScenario.DefinitionId,
        ["name"] = new JsonObject { ["et"] = "Tegevuskava", ["en"] = "Action plan" },
        ["activities"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "plan",
                ["type"] = "AskMembers",
                ["inputs"] = new JsonObject
                {
                    ["audience"] = new JsonArray("members"),
                    ["question"] = new JsonObject { ["et"] = "Millise tegevuse võtad?", ["en"] = "Which action do you take?" },
                    ["fields"] = new JsonArray(
                        new JsonObject { ["name"] = "action", ["type"] = "text", ["required"] = true, ["label"] = new JsonObject { ["et"] = "Tegevus", ["en"] = "Action" } },
                        new JsonObject { ["name"] = "due", ["type"] = "date", ["required"] = true, ["notPast"] = true, ["label"] = new JsonObject { ["et"] = "Mis ajaks", ["en"] = "By when" } },
                        new JsonObject { ["name"] = "confirm", ["type"] = "yesNo", ["required"] = true, ["label"] = new JsonObject { ["et"] = "Võtan vastutusele", ["en"] = "I take it on" } }),
                    ["quorum"] = "all",
                    ["deadline"] = "P30D",
                    ["onDeadline"] = "continue",
                    ["record"] = "plan",
                },
            },
            new JsonObject { ["id"] = "execution", ["type"] = "TrackActions", ["inputs"] = new JsonObject { ["checkInBefore"] = "P3D", ["deadline"] = "P90D" } },
            new JsonObject { ["id"] = "after", ["type"] = "WaitForSignal", ["inputs"] = new JsonObject { ["signal"] = "next" } }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "plan", ["outcome"] = "Done", ["to"] = "execution" },
            new JsonObject { ["from"] = "plan", ["outcome"] = "Timeout", ["to"] = "execution" },
            new JsonObject { ["from"] = "execution", ["outcome"] = "Done", ["to"] = "after" },
            new JsonObject { ["from"] = "execution", ["outcome"] = "Timeout", ["to"] = "after" }),
    }.ToJsonString();
}
