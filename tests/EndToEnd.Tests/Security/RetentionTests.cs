using System.Net;
using System.Text.Json.Nodes;
using Hangfire;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Networks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// A network that ended longer ago than the retention period loses its people's names and addresses when the nightly
/// job runs, through the host's own Hangfire server, on a test clock; a network that ended recently and one still
/// running keep theirs.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:Retention:After"] = "30.00:00:00" },
            services => services.AddSingleton<TimeProvider>(_time));
        _scenario = new AskScenario(_app);
        await _scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Only_a_network_ended_longer_ago_than_the_retention_period_is_anonymised_by_the_nightly_job()
    {
        var old = await _scenario.LaunchAsync(2, "Ammu lõppenud võrgustik");
        var recent = await _scenario.LaunchAsync(2, "Hiljuti lõppenud võrgustik");
        var running = await _scenario.LaunchAsync(2, "Töötav võrgustik");
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));

        (await _scenario.Api.PostAsync($"/api/networks/{old["id"]}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _time.Advance(TimeSpan.FromDays(20));
        (await _scenario.Api.PostAsync($"/api/networks/{recent["id"]}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _time.Advance(TimeSpan.FromDays(11));

        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(NetworkRetention.JobId);
        var anonymised = await WaitForAsync(async () => Names(await _scenario.NetworkAsync(old)).All(n => n == MemberErasure.Placeholder));
        anonymised.Should().BeTrue("the network ended 31 days ago, past the 30 days kept");

        var oldView = await _scenario.NetworkAsync(old);
        oldView.ToJsonString().Should().NotContain("Liige 1").And.NotContain(AskScenario.Email(1)).And.NotContain(AskScenario.Email(2));
        oldView["name"]!.GetValue<string>().Should().Be("Ammu lõppenud võrgustik", "the network itself stays");
        oldView["history"]![0]!["text"]!.GetValue<string>().Should().StartWith("Säilitusaeg möödus", "the history says why, once");
        Names(await _scenario.NetworkAsync(recent)).Should().BeEquivalentTo(["Liige 1", "Liige 2"], "it ended 11 days ago");
        Names(await _scenario.NetworkAsync(running)).Should().BeEquivalentTo(["Liige 1", "Liige 2"], "it still runs");
        (await _app.OutboxAsync()).Should().NotContain(m => m.ToAddress == AskScenario.Email(1) && m.InstanceId == Guid.Parse(old["workflowInstanceId"]!.ToString()));
    }

    private static IEnumerable<string> Names(JsonObject network) =>
        network["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ToList();

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
