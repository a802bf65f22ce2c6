using System.Net;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// The ways one could make the service mail strangers, replayed against a real SMTP server: an address in a definition, a
/// variable holding one, a header in a subject, an address in a body or an attachment, and a network whose coordinator
/// presses remind again and again. Mail reaches the network's own people, once; nothing else is queued.
/// </summary>
public sealed class RelayTests : IAsyncLifetime
{
    private const string Victim = "victim@elsewhere.example";
    private readonly TempFolder _folder = new();
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        _app = new KoostooApp(_folder, Network.Smtp(_smtp.Port));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    private static StringContent Json(object body) => new(body is string text ? text : System.Text.Json.JsonSerializer.Serialize(body),
        System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData(Victim)]
    [InlineData("role:" + Victim)]
    [InlineData("member:" + Victim)]
    public async Task A_definition_naming_an_address_is_refused_with_the_path_of_it(string entry)
    {
        var api = _app.CreateClient();
        var response = await api.PostAsync("/api/workflow-definitions", Json(new
        {
            id = "relay", name = "Relee",
            activities = new object[] { new { id = "send", type = "SendEmail", inputs = new { to = new[] { "members", entry }, subject = "Tere", body = "Sisu" } } },
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Should().Contain(e => e!["path"]!.GetValue<string>() == "$.activities[0].inputs.to[1]"
                                                          && e["message"]!.GetValue<string>().Contains("on e-posti aadress, aga kirju saadetakse ainult võrgustiku enda inimestele"));
        (await api.GetAsync("/api/workflow-definitions/relay")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing was saved");
    }

    [Fact]
    public async Task Variables_subjects_bodies_and_attachments_holding_addresses_reach_only_the_networks_people()
    {
        var api = _app.CreateClient();
        var trick = new
        {
            id = "trick", name = "Trikk",
            activities = new object[]
            {
                new { id = "coordinator", type = "SetVariable", inputs = new { name = "coordinator", value = $"({{ name: 'Võõras', email: '{Victim}' }})" } },
                new { id = "members", type = "SetVariable", inputs = new { name = "members", value = $"[{{ id: 'x', name: 'Võõras', email: '{Victim}' }}]" } },
                new
                {
                    id = "send", type = "SendEmail", inputs = new
                    {
                        to = new[] { "coordinator", "members" },
                        subject = new { et = $"Tere\r\nBcc: {Victim}\r\nTo: {Victim}" },
                        body = new { et = $"To: {Victim}\r\nCc: {Victim}\r\n\r\nSisu {{{{ variables.coordinator.email }}}}" },
                        attachments = new[] { new { fileName = "kutse.ics", contentType = "text/calendar; method=REQUEST",
                            content = $"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:{Victim}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" } },
                    },
                },
            },
            connections = new[] { new { from = "coordinator", outcome = "Done", to = "members" }, new { from = "members", outcome = "Done", to = "send" } },
        };
        (await api.PostAsync("/api/workflow-definitions", Json(trick))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.PostAsync("/api/workflow-definitions/trick/publish", null)).EnsureSuccessStatusCode();

        await _app.LaunchAsync(api, "trick", ("Mari Maasikas", "mari@kool.example", "et"));

        var received = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        received = _smtp.Messages();
        received.Should().HaveCount(2, "the network's coordinator and its one member, whatever the variables say");
        received.SelectMany(m => m.Headers["X-RcptTo"]!.Split(", ")).Should().BeEquivalentTo(["kati@vald.example", "mari@kool.example"]);
        received.SelectMany(m => m.To.Mailboxes.Concat(m.Cc.Mailboxes).Concat(m.Bcc.Mailboxes)).Select(a => a.Address)
            .Should().NotContain(Victim);
        (await _app.OutboxAsync()).Should().NotContain(r => r.ToAddress == Victim);
    }

    [Fact]
    public async Task A_coordinator_pressing_remind_again_and_again_reminds_once_and_hears_when_the_next_is_possible()
    {
        var scenario = new AskScenario(_app);
        await scenario.PublishAsync(AskScenario.Definition());
        var network = await scenario.LaunchAsync(3);
        await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));

        var first = await scenario.Api.PostAsync($"/api/networks/{network["id"]}/steps/ask/remind", null);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < 5; i++)
        {
            var again = await scenario.Api.PostAsync($"/api/networks/{network["id"]}/steps/ask/remind", null);
            again.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            again.Headers.RetryAfter!.Delta!.Value.Should().BeGreaterThan(TimeSpan.FromHours(11));
            var problem = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
            problem["possibleAt"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(12), TimeSpan.FromMinutes(5));
        }

        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        _smtp.Messages().Should().HaveCount(6, "three invitations and one reminder to each of the three, nothing more");
    }
}
