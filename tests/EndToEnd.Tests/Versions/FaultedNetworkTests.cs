using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Versions;

/// <summary>
/// A network whose workflow faults on a bad condition after its members answered: the incident is listed for the admin,
/// the coordinator is mailed once, running the step again before the fix fails again (and mails nobody), and after the
/// definition is fixed, published and the network moved to it, running the step again finishes the network.
/// </summary>
public sealed class FaultedNetworkTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        // The outbox sweep runs at start and then not again for a year: a fault's mail that is sent was handed over when its transaction committed.
        _app = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:Mail:SweepCron"] = "0 0 1 1 *" });
        _scenario = new AskScenario(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private Task<JsonObject> FaultedNetworkAsync() => AskAndCheck.FaultedNetworkAsync(_scenario);

    private static JsonObject Definition(string condition) => AskAndCheck.Definition(condition);

    private const string DefinitionId = AskAndCheck.DefinitionId;
    private const string Fixed = AskAndCheck.Fixed;

    private async Task<JsonArray> IncidentsAsync() => (await _scenario.Api.GetFromJsonAsync<JsonArray>("/api/admin/incidents"))!;

    private async Task<JsonObject> PostAsync(string path, object? body = null)
    {
        var response = body is null ? await _scenario.Api.PostAsync(path, null) : await _scenario.Api.PostAsJsonAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<List<OutboxMessage>> FaultMailAsync()
    {
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        return (await _app.OutboxAsync()).Where(m => m.ToAddress == AskScenario.CoordinatorEmail && m.Subject.Contains("töövoog peatus", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task A_faulted_network_is_listed_its_coordinator_mailed_once_and_after_the_fix_it_runs_on_to_its_end()
    {
        var network = await FaultedNetworkAsync();
        var instanceId = network["workflowInstanceId"]!.GetValue<Guid>();

        var incident = (await IncidentsAsync()).Should().ContainSingle().Subject!;
        incident["instanceId"]!.GetValue<Guid>().Should().Be(instanceId);
        incident["networkName"]!.GetValue<string>().Should().Be("Kooli võrgustik");
        incident["activityId"]!.GetValue<string>().Should().Be("check");
        incident["step"]!["et"]!.GetValue<string>().Should().Be("Kas keegi osaleb?");
        incident["error"]!.GetValue<string>().Should().Contain("true");
        incident["at"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        incident["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("True", "False");

        var mail = (await FaultMailAsync()).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Kooli võrgustik: töövoog peatus vea tõttu");
        mail.TextBody.Should().Contain("„Kas keegi osaleb?“").And.Contain(incident["error"]!.GetValue<string>()).And.Contain($"/networks/{network["id"]}");
        (await _app.WaitForOutboxAsync(null, rows => rows.Single(r => r.Id == mail.Id).Status == OutboxStatus.Sent, TimeSpan.FromSeconds(30))).Should().NotBeEmpty();

        // Run again before anything is fixed: it stops again, and the coordinator is not mailed twice.
        var again = await PostAsync($"/api/admin/incidents/{instanceId}/retry");
        again["status"]!.GetValue<string>().Should().Be("Faulted");
        again["incident"]!["activityId"]!.GetValue<string>().Should().Be("check");
        (await FaultMailAsync()).Should().HaveCount(1);

        // The admin fixes the condition and publishes; the incident points at the new version; the network moves there.
        (await _scenario.Api.PutAsJsonAsync($"/api/workflow-definitions/{DefinitionId}", Definition(Fixed))).EnsureSuccessStatusCode();
        (await _scenario.Api.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", null)).EnsureSuccessStatusCode();
        (await IncidentsAsync()).Single()!["newerVersion"]!.GetValue<int>().Should().Be(2);
        var moved = await PostAsync($"/api/admin/migrations/{DefinitionId}", new { fromVersion = 1, toVersion = 2 });
        moved["instances"]!.AsArray().Single()!["migration"]!["status"]!.GetValue<string>().Should().Be("Migrated");

        var done = await PostAsync($"/api/admin/incidents/{instanceId}/retry");

        done["status"]!.GetValue<string>().Should().Be("Finished");
        (await _scenario.InstanceAsync(network))["result"]!.GetValue<string>().Should().Be("Joined");
        (await IncidentsAsync()).Should().BeEmpty();
        var view = await _scenario.NetworkAsync(network);
        view["status"]!.GetValue<string>().Should().Be("Finished");
        view["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>()).Reverse().Should().ContainInOrder(
            $"Töövoog peatus vea tõttu sammul „Kas keegi osaleb?“: {incident["error"]!.GetValue<string>()}",
            "Haldur: Samm „Kas keegi osaleb?“ käivitati uuesti, kuid see peatus taas: " + again["incident"]!["error"]!.GetValue<string>(),
            "Haldur: Töövoog viidi versioonilt 1 versioonile 2.",
            "Haldur: Samm „Kas keegi osaleb?“ käivitati pärast viga uuesti.",
            "Võrgustiku töövoog lõppes.");
        (await FaultMailAsync()).Should().HaveCount(1, "one fault, one mail");
    }

    [Fact]
    public async Task Continued_with_a_chosen_outcome_the_network_goes_that_way_and_a_wrong_outcome_is_a_400_naming_the_field()
    {
        var network = await FaultedNetworkAsync();
        var instanceId = network["workflowInstanceId"]!.GetValue<Guid>();

        var wrong = await _scenario.Api.PostAsJsonAsync($"/api/admin/incidents/{instanceId}/continue", new { outcome = "Maybe" });
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await wrong.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["outcome"]![0]!.GetValue<string>().Should().Contain("'Maybe' is not an outcome of the step 'check'").And.Contain("True, False");

        (await PostAsync($"/api/admin/incidents/{instanceId}/continue", new { outcome = "False" }))["status"]!.GetValue<string>().Should().Be("Finished");
        (await _scenario.InstanceAsync(network))["result"]!.GetValue<string>().Should().Be("Nobody");
        (await _scenario.NetworkAsync(network))["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>())
            .Should().Contain("Haldur: Töövoog jätkus pärast viga sammust „Kas keegi osaleb?“ väljundiga False.");
    }

    [Fact]
    public async Task Cancelling_a_faulted_network_closes_the_incident_and_the_network()
    {
        var network = await FaultedNetworkAsync();

        (await _scenario.Api.PostAsync($"/api/networks/{network["id"]}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await IncidentsAsync()).Should().BeEmpty();
        (await _scenario.InstanceAsync(network))["status"]!.GetValue<string>().Should().Be("Cancelled");
        (await _scenario.NetworkAsync(network))["status"]!.GetValue<string>().Should().Be("Cancelled");
    }
}
