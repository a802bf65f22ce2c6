using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Versions;

/// <summary>
/// A definition that asks the members, then decides on their answers with a condition that has a bug in it: the network
/// faults once everyone has answered, the kind of incident a fix to the definition mends.
/// </summary>
public static class AskAndCheck
{
    public const string DefinitionId = "ask-and-check";

    /// <summary>The bug: the counts are by the field's name, "join", not "joined".</summary>
    public const string Broken = "variables.ask.counts.joined.true > 0";
    public const string Fixed = "(variables.ask.counts.join.true || 0) > 0";

    public static JsonObject Definition(string condition) => new()
    {
        ["id"] = DefinitionId,
        ["name"] = new JsonObject { ["et"] = "Küsi ja otsusta", ["en"] = "Ask and decide" },
        ["activities"] = new JsonArray(
            JsonNode.Parse(AskScenario.Definition())!["activities"]![0]!.DeepClone(),
            new JsonObject { ["id"] = "check", ["type"] = "If", ["name"] = new JsonObject { ["et"] = "Kas keegi osaleb?", ["en"] = "Does anyone take part?" },
                ["inputs"] = new JsonObject { ["condition"] = condition } },
            new JsonObject { ["id"] = "joined", ["type"] = "Finish", ["inputs"] = new JsonObject { ["status"] = "Joined" } },
            new JsonObject { ["id"] = "nobody", ["type"] = "Finish", ["inputs"] = new JsonObject { ["status"] = "Nobody" } }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "ask", ["outcome"] = "Done", ["to"] = "check" },
            new JsonObject { ["from"] = "check", ["outcome"] = "True", ["to"] = "joined" },
            new JsonObject { ["from"] = "check", ["outcome"] = "False", ["to"] = "nobody" }),
    };

    /// <summary>Publishes the broken definition, launches a network of two on it, and both answer: the workflow faults.</summary>
    public static async Task<JsonObject> FaultedNetworkAsync(AskScenario scenario)
    {
        (await scenario.Api.PostAsJsonAsync("/api/workflow-definitions", Definition(Broken))).EnsureSuccessStatusCode();
        (await scenario.Api.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", null)).EnsureSuccessStatusCode();
        var network = await scenario.LaunchAsync(2, definitionId: DefinitionId);
        foreach (var (_, link) in await scenario.LinksAsync())
            (await scenario.AnswerAsync(link, join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await scenario.InstanceAsync(network))["status"]!.GetValue<string>().Should().Be("Faulted");
        return network;
    }
}
