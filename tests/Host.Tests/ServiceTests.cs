using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koostoo.Host.Tests;

/// <summary>What a newcomer or the designer asks of the service first: is it up, what can it do.</summary>
public class ServiceTests(KoostooHost host) : IClassFixture<KoostooHost>
{
    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await host.Client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().Be("ok");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api()
    {
        var document = await host.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        document!["paths"]!.AsObject().Select(p => p.Key).Should().Contain([
            "/health",
            "/api/activity-descriptors",
            "/api/workflow-definitions",
            "/api/workflow-definitions/{id}",
            "/api/workflow-definitions/{id}/publish",
            "/api/workflow-definitions/{id}/versions/{version}",
            "/api/workflow-instances",
            "/api/workflow-instances/{id}",
            "/api/workflow-instances/{id}/journal",
            "/api/workflow-instances/{id}/signals/{name}",
            "/api/workflow-instances/{id}/cancel",
        ]);
    }

    [Fact]
    public async Task Activity_descriptors_tell_the_designer_outcomes_and_required_inputs()
    {
        var descriptors = await host.Client.GetFromJsonAsync<JsonArray>("/api/activity-descriptors");

        descriptors!.Select(d => d!["type"]!.GetValue<string>()).Should().Contain(["If", "SetVariable", "Fork", "Join", "Finish", "WaitForSignal", "Delay"]);
        var @if = descriptors!.Single(d => d!["type"]!.GetValue<string>() == "If")!;
        @if["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("True", "False");
        var condition = @if["inputs"]!.AsArray().Should().ContainSingle(i => i!["name"]!.GetValue<string>() == "condition").Subject!;
        condition["required"]!.GetValue<bool>().Should().BeTrue();
        condition["uiHint"]!.GetValue<string>().Should().Be("expression");
        @if["displayName"]!["en"]!.GetValue<string>().Should().Be("If");
    }
}
