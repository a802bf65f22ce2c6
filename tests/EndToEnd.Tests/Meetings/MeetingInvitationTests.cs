using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.History;
using Koostoo.Networks.Meetings;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Meetings;

/// <summary>
/// A coordinator plans a meeting of a network launched on the shipped lifecycle: the invitations reach a real SMTP
/// server with a calendar file a calendar can read; a change goes out again with a higher SEQUENCE; the step requests
/// carry their deadline as a calendar file too.
/// </summary>
public sealed class MeetingInvitationTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        _app = new KoostooApp(_folder, Network.Smtp(_smtp.Port));
        _scenario = new AskScenario(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    private static CalendarFile Event(MimeMessage message, string fileName)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.FileName == fileName);
        part.ContentType.MimeType.Should().Be("text/calendar");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        return new CalendarFile(calendar.Method, part.ContentType.Parameters["method"], calendar.Events.Single());
    }

    private sealed record CalendarFile(string? Method, string? ContentTypeMethod, CalendarEvent Event);

    [Fact]
    public async Task Members_and_the_coordinator_get_an_invitation_with_a_calendar_file_and_a_change_replaces_it()
    {
        var network = await _scenario.LaunchAsync(3, definitionId: "network-lifecycle");
        await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));

        var response = await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", new
        {
            title = "Esimene kohtumine",
            startsAt = "2030-05-06T10:00:00+03:00",
            endsAt = "2030-05-06T11:30",
            place = "Vallamaja, saal 2",
            agenda = "1. Tutvumine\n2. Eesmärk",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var meeting = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var meetingId = meeting["id"]!.GetValue<Guid>();
        meeting["endsAt"]!.GetValue<DateTimeOffset>().Should().Be(new DateTimeOffset(2030, 5, 6, 8, 30, 0, TimeSpan.Zero), "a time without an offset is Tallinn time");

        var invitations = (await _smtp.WaitForMessagesAsync(3 + 4, TimeSpan.FromSeconds(30)))
            .Where(m => m.Subject!.Contains("kutse kohtumisele") || m.Subject!.Contains("meeting invitation")).ToList();
        invitations.Select(m => m.To.Mailboxes.Single().Address).Should()
            .BeEquivalentTo([AskScenario.Email(1), AskScenario.Email(2), AskScenario.Email(3), "kati@vald.example"]);
        var mari = invitations.Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(1));
        mari.Subject.Should().Be("Kooli võrgustik: kutse kohtumisele – Esimene kohtumine, esmaspäev, 6. mai 2030 kell 10:00");
        mari.TextBody.Should().Contain("Koht: Vallamaja, saal 2").And.Contain("1. Tutvumine");

        var (method, typeMethod, invited) = Event(mari, "kohtumine.ics");
        method.Should().Be("REQUEST");
        typeMethod.Should().Be("REQUEST");
        invited.Uid.Should().Be($"{meetingId}@koostoo");
        invited.Sequence.Should().Be(0);
        invited.DtStart!.AsUtc.Should().Be(new DateTime(2030, 5, 6, 7, 0, 0, DateTimeKind.Utc));
        invited.DtEnd!.AsUtc.Should().Be(new DateTime(2030, 5, 6, 8, 30, 0, DateTimeKind.Utc));
        invited.Location.Should().Be("Vallamaja, saal 2");
        invited.Organizer!.Value!.ToString().Should().Be("mailto:kati@vald.example");
        invited.Attendees.Select(a => a.Value!.ToString()).Should().Equal($"mailto:{AskScenario.Email(1)}");
        Event(invitations.Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(3)), "meeting.ics").Event.Uid
            .Should().Be(invited.Uid, "member 3 reads English, and it is the same meeting");

        var changed = await _scenario.Api.PutAsJsonAsync($"/api/networks/{network["id"]}/meetings/{meetingId}", new
        {
            title = "Esimene kohtumine",
            startsAt = "2030-05-07T10:00",
            endsAt = "2030-05-07T11:00",
            onlineLink = "https://meet.example/kool",
        });
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var updates = (await _smtp.WaitForMessagesAsync(3 + 8, TimeSpan.FromSeconds(30))).Where(m => m.Subject!.Contains("kohtumine muutus")).ToList();
        updates.Should().HaveCount(3, "the three who read Estonian: two members and the coordinator");
        var update = Event(updates.First(), "kohtumine.ics").Event;
        update.Uid.Should().Be(invited.Uid);
        update.Sequence.Should().Be(1);
        update.DtStart!.AsUtc.Should().Be(new DateTime(2030, 5, 7, 7, 0, 0, DateTimeKind.Utc));
        update.Url.Should().Be(new Uri("https://meet.example/kool"));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
        var networkId = network["id"]!.GetValue<Guid>();
        (await db.Set<Meeting>().SingleAsync()).Sequence.Should().Be(1);
        (await db.Set<HistoryEntry>().Where(h => h.NetworkId == networkId).ToListAsync()).Select(h => HistoryText.Of(h, "et"))
            .Should().Contain(e => e.StartsWith("Koordinaator: Kohtumine „Esimene kohtumine“ kavandati")).And.Contain(e => e.StartsWith("Koordinaator: Kohtumist „Esimene kohtumine“ muudeti"));
    }

    [Fact]
    public async Task A_confidential_networks_invitation_carries_no_agenda()
    {
        var response = await _scenario.Api.PostAsJsonAsync("/api/networks", new
        {
            name = "Juhtum 12",
            purpose = "Toetada peret",
            coordinatorName = "Kati Kask",
            coordinatorEmail = "kati@vald.example",
            confidential = true,
            members = new[] { new { name = "Mari", email = AskScenario.Email(1), sector = "Social" } },
        });
        var network = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));

        (await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", new
        {
            title = "Ümarlaud",
            startsAt = "2030-05-06T10:00",
            endsAt = "2030-05-06T11:00",
            place = "Vallamaja",
            agenda = "Mari Tamm (12) puudumised koolist",
        })).StatusCode.Should().Be(HttpStatusCode.Created);

        var invitations = (await _smtp.WaitForMessagesAsync(1 + 2, TimeSpan.FromSeconds(30))).Where(m => m.Subject!.Contains("kutse kohtumisele")).ToList();
        invitations.Should().HaveCount(2);
        foreach (var message in invitations)
        {
            message.TextBody.Should().NotContain("Mari Tamm").And.Contain("Päevakord on koordinaatori juures");
            message.HtmlBody.Should().NotContain("Mari Tamm");
            Event(message, "kohtumine.ics").Event.Description.Should().NotContain("Mari Tamm");
        }
    }

    [Fact]
    public async Task The_step_requests_of_the_lifecycle_carry_their_deadline_as_a_calendar_file_that_points_at_the_network()
    {
        var network = await _scenario.LaunchAsync(3, definitionId: "network-lifecycle");
        var requests = await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));
        var detail = await _scenario.NetworkAsync(network);
        var deadline = detail["openSteps"]!.AsArray().Single()!["deadline"]!.GetValue<DateTimeOffset>();

        var mari = requests.Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(1));
        var (method, _, entry) = Event(mari, "tahtaeg.ics");
        method.Should().Be("PUBLISH");
        entry.DtStart!.AsUtc.Should().Be(deadline.UtcDateTime.AddTicks(-(deadline.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
        (entry.DtEnd!.AsUtc - entry.DtStart.AsUtc).Should().Be(TimeSpan.FromMinutes(15));
        entry.Summary.Should().Be("Kooli võrgustik: Kutse võrgustikku: kas osaled? – tähtaeg");
        entry.Url.Should().Be(new Uri($"http://localhost:5000/networks/{network["id"]}"));
        var personal = AskScenario.LinkIn(mari.TextBody ?? "");
        personal.Should().NotBeEmpty();
        entry.Description.Should().NotContain("/r/");
        Event(requests.Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(3)), "deadline.ics").Event.Summary
            .Should().EndWith("– deadline");
    }
}
