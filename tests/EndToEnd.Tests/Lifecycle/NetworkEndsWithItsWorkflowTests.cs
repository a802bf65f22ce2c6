using System.Net;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Lifecycle;

/// <summary>However a network's workflow ends, the network shows it: here an admin cancels the workflow itself.</summary>
public sealed class NetworkEndsWithItsWorkflowTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Cancelling_the_workflow_through_the_instance_api_cancels_the_network_and_says_so_in_its_history()
    {
        var scenario = new AskScenario(_app);
        var network = await scenario.LaunchAsync(2, definitionId: "network-lifecycle");

        (await scenario.Api.PostAsync($"/api/workflow-instances/{network["workflowInstanceId"]}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var detail = await scenario.NetworkAsync(network);
        detail["status"]!.GetValue<string>().Should().Be("Cancelled");
        detail["openSteps"]!.AsArray().Should().BeEmpty();
        detail["history"]!.AsArray().First()!["text"]!.GetValue<string>().Should().Be("Võrgustik tühistati.", "the history is newest first");
        (await scenario.Api.PostAsync($"/api/networks/{network["id"]}/cancel", null)).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "the network has already ended");
    }
}
