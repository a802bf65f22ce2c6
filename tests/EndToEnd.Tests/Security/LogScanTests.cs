using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// A whole network run with the service's log at Debug: launched, answered by link and by reply, reminded by hand, to its
/// end. Nothing the log says names a member or the coordinator, or carries a link, a token or a password.
/// </summary>
public sealed partial class LogScanTests
{
    private const string SmtpPassword = "very-secret-smtp-password-1";

    private static readonly (string Name, string Email, string Phone)[] People =
    [
        ("Mari Maasikas", "mari.maasikas@kool.example", "+372 5123 4567"),
        ("Jüri Õunapuu", "jyri.ounapuu@noored.example", "+372 5234 5678"),
        ("Anne Tamm", "anne.tamm@perearst.example", "+372 5345 6789"),
    ];

    private const string Definition = """
        {
          "id": "one-round", "name": { "et": "Üks ring" },
          "activities": [
            { "id": "ask", "type": "AskMembers", "inputs": {
                "audience": ["members"], "question": { "et": "Kas osaled?", "en": "Will you take part?" },
                "fields": [ { "name": "join", "type": "yesNo", "required": true, "label": { "et": "Osalen", "en": "I take part" } } ],
                "quorum": "all", "deadline": "P3D", "reminders": ["P1D"] } },
            { "id": "summary", "type": "SendEmail", "inputs": { "to": ["members", "coordinator"],
                "subject": { "et": "{{ variables.networkName }}: kõik vastasid" },
                "body": { "et": "Vastasid: {% for a in variables.ask.answers %}{{ a.name }} {% endfor %}" } } },
            { "id": "end", "type": "Finish" }
          ],
          "connections": [ { "from": "ask", "outcome": "Done", "to": "summary" }, { "from": "summary", "outcome": "Done", "to": "end" } ]
        }
        """;

    [GeneratedRegex("/r/([A-Za-z0-9_-]{43})")]
    private static partial Regex Link();

    [Fact]
    public async Task A_whole_network_leaves_no_name_address_phone_link_token_or_password_in_the_log()
    {
        using var folder = new TempFolder();
        var log = new CapturedLog();
        await using var app = new KoostooApp(folder, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            // As appsettings.json ships them: at Information the framework prints every request's path, a member's link among them.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Koostoo:Replies:Address"] = "vastus@vald.example",
            ["Koostoo:Replies:Folder"] = folder["replies"],
            ["Koostoo:Mail:Smtp:Password"] = SmtpPassword,
        }, services => services.AddSingleton<ILoggerProvider>(log));
        var api = app.CreateClient();
        (await api.PostAsync("/api/workflow-definitions", new StringContent(Definition, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/workflow-definitions/one-round/publish", null)).EnsureSuccessStatusCode();

        var launched = await api.PostAsync("/api/networks", new StringContent(new JsonObject
        {
            ["name"] = "Kooli võrgustik", ["purpose"] = "Vähendada koolist väljalangemist", ["coordinatorName"] = "Kati Kask",
            ["coordinatorEmail"] = "kati.kask@vald.example", ["definitionId"] = "one-round",
            ["members"] = new JsonArray(People.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name, ["email"] = p.Email, ["phone"] = p.Phone, ["sector"] = "Education",
            }).ToArray()),
        }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        launched.StatusCode.Should().Be(HttpStatusCode.Created);
        var network = JsonNode.Parse(await launched.Content.ReadAsStringAsync())!;
        var scenario = new AskScenario(app);

        // The first answers by link, the second by reply, the third is reminded by hand and then answers.
        var links = await scenario.LinksAsync();
        (await AnswerAsync(scenario, links[People[0].Email])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var request = app.DeliveredMail().Last(m => m.To.Mailboxes.Single().Address == People[1].Email);
        await LocalReplies.WriteAsync(folder["replies"], LocalReplies.ReplyTo(request, "JAH"), CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReplyInbox>().ReadAsync(CancellationToken.None);
        (await api.PostAsync($"/api/networks/{network["id"]}/steps/ask/remind", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        links = await scenario.LinksAsync();
        (await AnswerAsync(scenario, links[People[2].Email])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));

        (await scenario.InstanceAsync(network.AsObject()))["status"]!.GetValue<string>().Should().Be("Finished", "the network ran to its end");
        var tokens = app.DeliveredMail().SelectMany(m => Link().Matches(m.TextBody ?? "").Select(t => t.Groups[1].Value)).Distinct().ToList();
        tokens.Should().HaveCountGreaterThanOrEqualTo(4, "requests and a reminder were sent with links");
        var text = log.Text;
        text.Should().Contain("Koostoo.", "the service's own categories were captured");
        string[] secrets = [.. People.SelectMany(p => new[] { p.Name, p.Email, p.Phone }), "Kati Kask", "kati.kask@vald.example", SmtpPassword, .. tokens];
        foreach (var secret in secrets) text.Should().NotContain(secret);
    }

    private static async Task<HttpResponseMessage> AnswerAsync(AskScenario scenario, string link)
    {
        using var browser = scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(browser, link);
        return await AskScenario.PostAsync(browser, link, form, ("join", "yes"));
    }

    /// <summary>Every line any category writes, with its category, level, exception and scope-free state.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
