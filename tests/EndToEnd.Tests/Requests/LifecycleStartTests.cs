using System.Net;
using Koostoo.Workflows.Journal;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>The shipped network-lifecycle definition, started as a coordinator would: the first two stages by email.</summary>
public sealed class LifecycleStartTests : IAsyncLifetime
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
    public async Task Six_of_eight_accept_one_suggests_a_colleague_the_coordinator_hears_and_the_roles_step_reaches_those_who_accepted()
    {
        var scenario = new AskScenario(_app);
        var network = await scenario.LaunchAsync(8, definitionId: "network-lifecycle");
        network["stage"]!.GetValue<string>().Should().Be("convene");
        var waiting = (await scenario.InstanceAsync(network))["variables"]!["invitations"]!;
        (waiting["asked"]!.GetValue<int>(), waiting["silent"]!.AsArray().Count).Should().Be((8, 8), "the step's tally counts those it has just asked");
        var invitations = await scenario.LinksAsync();
        invitations.Should().HaveCount(8);
        (await _app.OutboxAsync()).Single(m => m.ToAddress == AskScenario.Email(1)).TextBody
            .Should().Contain("Kutse võrgustikku: kas osaled?");

        foreach (var (address, link) in invitations)
        {
            using var browser = scenario.Browser();
            var (page, html, form) = await AskScenario.OpenAsync(browser, link);
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            html.Should().Contain("Vähendada koolist väljalangemist vallas", "the invitation shows the network's purpose");
            var answer = address == AskScenario.Email(8) ? "decline" : address == AskScenario.Email(7) ? "suggest" : "accept";
            (await AskScenario.PostAsync(browser, link, form, ("answer", answer), ("colleague", answer == "suggest" ? "Peeter Paju, peeter@kool.example" : "")))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var outbox = await _app.OutboxAsync();
        outbox.Where(m => m.ToAddress == "kati@vald.example").Select(m => m.Subject).Should().Equal("Kooli võrgustik: kutsetele vastati");
        outbox.Single(m => m.ToAddress == "kati@vald.example").TextBody
            .Should().Contain("Liige 7 soovitab enda asemel: Peeter Paju, peeter@kool.example", "the coordinator decides whether to add a suggested colleague");
        outbox.Where(m => m.Subject.Contains("Roll meeskonnas") || m.Subject.Contains("Your role in the team")).Select(m => m.ToAddress)
            .Should().BeEquivalentTo(Enumerable.Range(1, 6).Select(AskScenario.Email), "members who declined or sent a colleague are not asked further");
        var detail = await scenario.NetworkAsync(network);
        detail["members"]!.AsArray().Select(m => (m!["email"]!.GetValue<string>(), m["status"]!.GetValue<string>()))
            .Should().Contain((AskScenario.Email(8), "Declined")).And.Contain((AskScenario.Email(1), "Accepted"));
        detail["stage"]!.GetValue<string>().Should().Be("roles");
        detail["openSteps"]!.AsArray().Single()!["activityId"]!.GetValue<string>().Should().Be("roles");
        (await scenario.JournalAsync(network)).Should().NotContain(j => j.Event == JournalEvent.Faulted);
    }
}
