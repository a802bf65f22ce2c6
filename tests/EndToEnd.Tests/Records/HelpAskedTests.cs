using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>
/// "Late, I need help" through the real host on Kestrel and a real SMTP server: the coordinator's mailbox has it at once
/// with the note, the network page shows it until she marks it resolved.
/// </summary>
public sealed partial class HelpAskedTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort.Next();
    private SmtpServer _smtp = null!;
    // A Monday morning: a check-in whose moment has passed goes out at once; on a real clock at a weekend it would
    // wait, rightly, for Monday 08:00 (quiet hours), and the test would depend on the day it runs.
    private readonly FakeTimeProvider _time = new(AskMembersSmtpTests.NextMondayMorning());
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;
    private HttpClient _coordinator = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        var settings = Network.Smtp(_smtp.Port);
        settings["Koostoo:PublicUrl"] = $"http://127.0.0.1:{_port}";
        _app = new KoostooApp(_folder, settings, services => services.AddSingleton<TimeProvider>(_time));
        _app.UseKestrel(_port);
        _app.StartServer();
        var address = new Uri($"http://127.0.0.1:{_port}");
        _scenario = new AskScenario(_app, address, () => _smtp.Messages());
        _coordinator = KoostooApp.AsStaff(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address });
        await _scenario.PublishAsync(PlanScenario.Definition());
    }

    public async Task DisposeAsync()
    {
        _coordinator.Dispose();
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Late_and_needing_help_reaches_the_coordinators_mailbox_with_the_note_and_stays_on_the_page_until_resolved()
    {
        var network = await _scenario.LaunchAsync(2);
        var id = network["id"]!.GetValue<Guid>();
        var due = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var plan = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        foreach (var (member, action) in new[] { (AskScenario.Email(1), "Kodukülastus"), (AskScenario.Email(2), "Kokkuvõte") })
            (await _scenario.AnswerAsync(LinkTo(plan, member), ("action", action), ("due", due), ("confirm", "yes"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Due within the check-in time: the check-ins go out at once; member 1 answers late, needing help.
        var checkIns = (await _smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30))).Skip(2).ToList();
        (await _scenario.AnswerAsync(LinkTo(checkIns, AskScenario.Email(1)), ("status", "late"), ("progress", "Pere ei ava ust; vajan sotsiaaltöötajat kaasa.")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var help = (await _smtp.WaitForMessagesAsync(5, TimeSpan.FromSeconds(30))).Skip(4).Single();
        help.To.Mailboxes.Single().Address.Should().Be(AskScenario.CoordinatorEmail);
        help.Subject.Should().Be("Kooli võrgustik: Liige 1 vajab abi");
        help.TextBody.Should().Contain("Liige 1 teatas, et tegevus „Kodukülastus“").And.Contain("hilineb, ja palub abi.")
            .And.Contain("Märkus: Pere ei ava ust; vajan sotsiaaltöötajat kaasa.");

        var page = await PageAsync(id);
        page.Should().Contain("Abi palutakse").And.Contain("Pere ei ava ust; vajan sotsiaaltöötajat kaasa.");
        var helpId = (await _scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["helpRequests"]!.AsArray().Single()!["id"]!.GetValue<Guid>();

        var token = TokenPattern().Match(page).Groups[1].Value;
        var resolved = await _coordinator.PostAsync($"/networks/{id}?handler=resolveHelp", new FormUrlEncodedContent(
            [KeyValuePair.Create("helpId", helpId.ToString()), KeyValuePair.Create("__RequestVerificationToken", token)]));
        resolved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        resolved.Headers.Location!.ToString().Should().Be($"/networks/{id}?done=help-resolved");
        var after = WebUtility.HtmlDecode(await _coordinator.GetStringAsync(resolved.Headers.Location));
        after.Should().Contain("Abipalve on märgitud lahendatuks.").And.NotContain("Abi palutakse");
        after.Should().Contain("Liige 1 palus abi tegevusega „Kodukülastus“; koordinaatorit teavitati.")
            .And.Contain("Koordinaator märkis lahendatuks abipalve tegevusega „Kodukülastus“ (Liige 1).");
        (await _scenario.Api.PostAsync($"/api/networks/{id}/help/{helpId}/resolve", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "resolved once");
    }

    private async Task<string> PageAsync(Guid id) => WebUtility.HtmlDecode(await _coordinator.GetStringAsync($"/networks/{id}"));

    private static string LinkTo(IEnumerable<MimeMessage> mail, string address) =>
        mail.Where(m => m.To.Mailboxes.Single().Address == address).Select(m => AskScenario.LinkIn(m.TextBody ?? "")).Single(l => l != "");
}
