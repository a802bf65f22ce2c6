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
    public async Task The_openapi_document_describes_the_admin_api_with_operation_ids_summaries_and_problems()
    {
        var paths = (await host.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject();

        var expected = new (string Path, string Method, string OperationId, string[] Problems)[]
        {
            ("/api/admin/migrations/{definitionId}", "get", "GetMigrationCandidates", ["403", "404"]),
            ("/api/admin/migrations/{definitionId}/dry-run", "post", "DryRunMigration", ["400", "403", "404"]),
            ("/api/admin/migrations/{definitionId}", "post", "MigrateInstances", ["400", "403", "404"]),
            ("/api/admin/incidents", "get", "ListIncidents", ["403", "404"]),
            ("/api/admin/incidents/{instanceId}", "get", "GetIncident", ["403", "404"]),
            ("/api/admin/incidents/{instanceId}/retry", "post", "RetryIncident", ["403", "404", "409"]),
            ("/api/admin/incidents/{instanceId}/continue", "post", "ContinueIncident", ["400", "403", "404", "409"]),
            ("/api/admin/incidents/{instanceId}/cancel", "post", "CancelIncident", ["403", "404", "409"]),
        };
        foreach (var (path, method, operationId, problems) in expected)
        {
            var operation = paths[path]![method]!;
            operation["operationId"]!.GetValue<string>().Should().Be(operationId);
            operation["summary"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            foreach (var status in problems)
                operation["responses"]![status]!["content"]!.AsObject().Select(c => c.Key).Should().Contain("application/problem+json", $"{operationId} answers {status} as a problem");
        }
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
