using System.Net;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// A network marked confidential at launch: every mail its steps send, as a real SMTP server receives it, says only that
/// there is a request or a notice, with the link; the purpose, the question, the answers and the notes stay behind it.
/// </summary>
public sealed class ConfidentialMailTests : IAsyncLifetime
{
    private const string Purpose = "Perekond Kivi: poeg Rasmus puudub koolist vägivalla tõttu kodus";
    private const string Question = "Mida teie asutus Rasmuse kohta teab?";
    private const string Note = "Rasmus rääkis kooliõele isa joomisest";

    private const string Definition = """
        {
          "id": "case", "name": { "et": "Juhtum" },
          "activities": [
            { "id": "ask", "type": "AskMembers", "inputs": {
                "audience": ["members"], "question": { "et": "QUESTION" },
                "context": { "et": "Taust: {{ variables.purpose }}" },
                "fields": [ { "name": "note", "type": "longText", "required": true, "label": { "et": "Mida teate" } } ],
                "quorum": "all", "deadline": "P3D", "reminders": ["P1D"] } },
            { "id": "summary", "type": "SendEmail", "inputs": { "to": ["members", "coordinator"],
                "subject": { "et": "{{ variables.networkName }}: {{ variables.purpose }}" },
                "body": { "et": "Eesmärk: {{ variables.purpose }}\n{% for a in variables.ask.answers %}{{ a.name }}: {{ a.answer.note }}\n{% endfor %}" } } }
          ],
          "connections": [ { "from": "ask", "outcome": "Done", "to": "summary" } ]
        }
        """;

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

    [Fact]
    public async Task A_confidential_networks_mail_carries_no_client_details_only_the_links()
    {
        var scenario = new AskScenario(_app, delivered: () => _smtp.Messages());
        var api = scenario.Api;
        (await api.PostAsync("/api/workflow-definitions", new StringContent(Definition.Replace("QUESTION", Question, StringComparison.Ordinal),
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/workflow-definitions/case/publish", null)).EnsureSuccessStatusCode();
        var launched = await api.PostAsync("/api/networks", new StringContent(new JsonObject
        {
            ["name"] = "Juhtum 17", ["purpose"] = Purpose, ["coordinatorName"] = "Kati Kask", ["coordinatorEmail"] = AskScenario.CoordinatorEmail,
            ["definitionId"] = "case", ["confidential"] = true,
            ["members"] = new JsonArray(
                new JsonObject { ["name"] = "Liige 1", ["email"] = AskScenario.Email(1), ["sector"] = "Education" },
                new JsonObject { ["name"] = "Liige 2", ["email"] = AskScenario.Email(2), ["sector"] = "Health", ["language"] = "en" }),
        }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        launched.StatusCode.Should().Be(HttpStatusCode.Created);
        var network = JsonNode.Parse(await launched.Content.ReadAsStringAsync())!.AsObject();
        network["confidential"]!.GetValue<bool>().Should().BeTrue();

        var links = await scenario.LinksAsync();
        (await api.PostAsync($"/api/networks/{network["id"]}/steps/ask/remind", null)).EnsureSuccessStatusCode();
        using (var member = scenario.Browser())
        {
            var (_, html, form) = await AskScenario.OpenAsync(member, links[AskScenario.Email(1)]);
            html.Should().Contain(Question).And.Contain(Purpose, "what the mail leaves out is behind the link");
            (await AskScenario.PostAsync(member, links[AskScenario.Email(1)], form, ("note", Note))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        links = await scenario.LinksAsync();
        using (var member = scenario.Browser())
        {
            var (_, _, form) = await AskScenario.OpenAsync(member, links[AskScenario.Email(2)]);
            await AskScenario.PostAsync(member, links[AskScenario.Email(2)], form, ("note", "Ei tea midagi"));
        }
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));

        var received = _smtp.Messages();
        received.Should().HaveCount(7, "two requests, two reminders, the summary to both members and the coordinator");
        foreach (var message in received)
        {
            // Decoded, as a mail program shows it: subject, both bodies and the calendar file.
            var whole = string.Join('\n', [message.Subject, message.TextBody, message.HtmlBody,
                .. message.Attachments.OfType<MimeKit.TextPart>().Select(a => a.Text)]);
            foreach (var secret in new[] { Purpose, "Rasmus", Question, Note, "Ei tea midagi" })
                whole.Should().NotContain(secret, message.Subject);
            message.ReplyTo.Mailboxes.Should().BeEmpty("a reply by mail would carry the answer through mail servers");
        }
        received.Where(m => m.Subject!.Contains("vastust oodatakse", StringComparison.Ordinal) || m.Subject.Contains("answer is awaited", StringComparison.Ordinal))
            .Should().HaveCount(4).And.OnlyContain(m => AskScenario.LinkIn(m.TextBody ?? "") != "");
        received.Single(m => m.To.Mailboxes.Single().Address == AskScenario.CoordinatorEmail).TextBody
            .Should().Contain($"/networks/{network["id"]}", "the coordinator's notice leads to the network's page");
    }
}
