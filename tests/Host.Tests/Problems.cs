using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koostoo.Host.Tests;

/// <summary>Every error of the API is an RFC 7807 problem with a readable detail; this reads one and checks that much.</summary>
public static class Problems
{
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        problem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return problem;
    }

    public static async Task<JsonObject> ShouldBeOkAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
