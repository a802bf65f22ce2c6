using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Koostoo.Host.Tests;

/// <summary>The README's walk-through and what a coordinator does with an instance, through HTTP against the shipped sample.</summary>
public class InstanceApiTests(KoostooHost host) : IClassFixture<KoostooHost>
{
    private async Task<JsonObject> StartSampleAsync(HttpClient client) =>
        await (await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "sample-approval" })).ShouldBeOkAsync(HttpStatusCode.Created);

    private static IEnumerable<string> Waiting(JsonObject instance) =>
        instance["waiting"]!.AsArray().Select(b => b!["key"]!.GetValue<string>());

    [Fact]
    public async Task The_readme_walk_through_ends_approved_with_a_journal()
    {
        var client = host.Client;
        var started = await StartSampleAsync(client);
        var id = started["id"]!.GetValue<string>();
        started["status"]!.GetValue<string>().Should().Be("Suspended");
        Waiting(started).Should().Equal("drafted");

        (await (await client.PostAsync($"/api/workflow-instances/{id}/signals/drafted", null)).ShouldBeOkAsync())
            .Should().Match<JsonObject>(i => Waiting(i).Order().SequenceEqual(new[] { "approve-a", "approve-b" }));
        await (await client.PostAsync($"/api/workflow-instances/{id}/signals/approve-a", null)).ShouldBeOkAsync();
        await (await client.PostAsync($"/api/workflow-instances/{id}/signals/approve-b", null)).ShouldBeOkAsync();

        var instance = await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}");
        instance!["status"]!.GetValue<string>().Should().Be("Finished");
        instance["result"]!.GetValue<string>().Should().Be("Approved");
        instance["variables"]!["approvals"]!.GetValue<int>().Should().Be(2);
        Waiting(instance).Should().BeEmpty();
        var journal = (await client.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal"))!;
        journal.Should().NotBeEmpty();
        journal.First()!["event"]!.GetValue<string>().Should().Be("InstanceStarted");
        journal.Last()!["event"]!.GetValue<string>().Should().Be("InstanceFinished");
        journal.Last()!["outcome"]!.GetValue<string>().Should().Be("Approved");
    }

    [Fact]
    public async Task Both_approvals_sent_in_the_same_instant_are_counted()
    {
        var client = host.Client;
        var id = (await StartSampleAsync(client))["id"]!.GetValue<string>();
        await (await client.PostAsync($"/api/workflow-instances/{id}/signals/drafted", null)).ShouldBeOkAsync();

        var responses = await Task.WhenAll(new[] { "approve-a", "approve-b" }.Select(signal =>
            Task.Run(() => client.PostAsync($"/api/workflow-instances/{id}/signals/{signal}", null))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var instance = await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}");
        instance!["variables"]!["approvals"]!.GetValue<int>().Should().Be(2);
        instance["result"]!.GetValue<string>().Should().Be("Approved");
    }

    [Fact]
    public async Task A_signal_with_a_payload_lands_in_the_variable_the_step_names()
    {
        var client = host.Client;
        var id = (await StartSampleAsync(client))["id"]!.GetValue<string>();

        var instance = await (await client.PostAsJsonAsync($"/api/workflow-instances/{id}/signals/drafted", new { title = "Koolipäeva plaan" })).ShouldBeOkAsync();

        instance["variables"]!["draft"]!["title"]!.GetValue<string>().Should().Be("Koolipäeva plaan");
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_refused_without_using_up_the_step()
    {
        var client = host.Client;
        var id = (await StartSampleAsync(client))["id"]!.GetValue<string>();

        var notJson = await client.PostAsync($"/api/workflow-instances/{id}/signals/drafted?lang=en", new StringContent("{ title: oops", Encoding.UTF8, "application/json"));

        (await notJson.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>().Should().Contain("not valid JSON");
        Waiting((await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"))!).Should().Equal("drafted");
    }

    [Fact]
    public async Task A_chunked_payload_is_kept()
    {
        var client = host.Client;
        var id = (await StartSampleAsync(client))["id"]!.GetValue<string>();
        // Clients that stream a body send it chunked, without a Content-Length.
        var chunked = new HttpRequestMessage(HttpMethod.Post, $"/api/workflow-instances/{id}/signals/drafted")
        {
            Content = new StringContent("""{ "title": "Koolipäeva plaan" }""", Encoding.UTF8, "application/json"),
        };
        chunked.Content.Headers.ContentLength = null;
        chunked.Headers.TransferEncodingChunked = true;
        var instance = await (await client.SendAsync(chunked)).ShouldBeOkAsync();

        instance["variables"]!["draft"]!["title"]!.GetValue<string>().Should().Be("Koolipäeva plaan");
    }

    [Fact]
    public async Task Cancel_ends_an_instance_and_what_it_waited_for()
    {
        var client = host.Client;
        var id = (await StartSampleAsync(client))["id"]!.GetValue<string>();

        var cancelled = await (await client.PostAsync($"/api/workflow-instances/{id}/cancel", null)).ShouldBeOkAsync();

        cancelled["status"]!.GetValue<string>().Should().Be("Cancelled");
        Waiting(cancelled).Should().BeEmpty();
        (await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"))!["status"]!.GetValue<string>().Should().Be("Cancelled");
        await (await client.PostAsync($"/api/workflow-instances/{id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/workflow-instances/{id}/signals/drafted", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal"))!.Last()!["event"]!.GetValue<string>().Should().Be("InstanceCancelled");
    }

    [Fact]
    public async Task Unknown_instances_and_definitions_and_unexpected_signals_are_problems()
    {
        var client = host.Client;
        var unknown = Guid.NewGuid();

        await (await client.GetAsync($"/api/workflow-instances/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/workflow-instances/{unknown}/journal")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/workflow-instances/{unknown}/signals/drafted", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/workflow-instances/{unknown}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var start = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "no-such-workflow" });
        (await start.ShouldBeProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>().Should().Contain("no-such-workflow");
        var id = (await StartSampleAsync(client))["id"]!.GetValue<string>();
        (await (await client.PostAsync($"/api/workflow-instances/{id}/signals/approve-a", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            ["detail"]!.GetValue<string>().Should().Contain("approve-a");
    }
}
