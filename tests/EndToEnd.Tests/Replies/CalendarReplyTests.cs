using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Koostoo.EndToEnd.Tests.Requests;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Replies;

/// <summary>
/// A meeting invitation answered from the calendar: the answers (iMIP REPLY with PARTSTAT, as Outlook and Google
/// Calendar send them) reach the reply mailbox, a real Dovecot, and the network page, the API and the meetings sheet
/// show who comes. A changed meeting asks again: answers to the earlier version no longer count.
/// </summary>
public sealed class CalendarReplyTests : IAsyncLifetime
{
    private readonly ReplyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    /// <summary>The answer a calendar sends: the invitation's event with only the attendee's own line, PARTSTAT set.</summary>
    private static MimeMessage CalendarAnswer(MimeMessage invitation, string partStat)
    {
        var invited = EventOf(invitation);
        var attendee = invited.Attendees.Single();
        var answer = new CalendarEvent
        {
            Uid = invited.Uid, Sequence = invited.Sequence, DtStamp = new CalDateTime(DateTime.UtcNow), DtStart = invited.DtStart, DtEnd = invited.DtEnd,
            Summary = invited.Summary, Organizer = invited.Organizer,
        };
        answer.Attendees.Add(new Attendee(attendee.Value!) { CommonName = attendee.CommonName, ParticipationStatus = partStat });
        var calendar = new Ical.Net.Calendar { Method = "REPLY", ProductId = "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN" };
        calendar.Events.Add(answer);

        var message = new MimeMessage { Subject = $"{(partStat == "ACCEPTED" ? "Accepted" : partStat == "DECLINED" ? "Declined" : "Tentative")}: {invitation.Subject}" };
        message.From.Add(new MailboxAddress(attendee.CommonName, attendee.Value!.ToString()["mailto:".Length..]));
        message.To.Add(MailboxAddress.Parse(invited.Organizer!.Value!.ToString()["mailto:".Length..]));
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = $"{attendee.CommonName} has answered." },
            new TextPart("calendar") { Text = new CalendarSerializer().SerializeToString(calendar)!, ContentType = { Parameters = { { "method", "REPLY" } } } },
        };
        return message;
    }

    private static CalendarEvent EventOf(MimeMessage invitation)
    {
        var ics = invitation.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        using var content = new MemoryStream();
        ics.Content!.DecodeTo(content);
        return Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events.Single();
    }

    /// <summary>A meeting invitation, not a step's deadline (which carries a calendar file too, METHOD:PUBLISH).</summary>
    private static bool IsInvitation(MimeMessage message) =>
        message.Attachments.Any(a => a.ContentType.IsMimeType("text", "calendar") && a.ContentType.Parameters["method"] == "REQUEST");

    private async Task<string> AttendanceOnPageAsync(JsonObject network, string lang = "et")
    {
        var html = await _host.Http.GetStringAsync($"/networks/{network["id"]}?lang={lang}");
        var start = html.IndexOf("class=\"note attendance\">", StringComparison.Ordinal) + "class=\"note attendance\">".Length;
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</span>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Calendar_answers_show_who_comes_and_a_changed_meeting_asks_again()
    {
        var network = await _host.Scenario.LaunchAsync(3, definitionId: "network-lifecycle");
        await _host.Smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));
        var created = await _host.Scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings",
            new { title = "Esimene kohtumine", startsAt = "2030-05-06T10:00", endsAt = "2030-05-06T11:30", place = "Vallamaja" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var invitations = (await _host.Smtp.WaitForMessagesAsync(3 + 4, TimeSpan.FromSeconds(30)))
            .Where(IsInvitation).Where(m => m.To.Mailboxes.Single().Address != "kati@vald.example")
            .ToDictionary(m => m.To.Mailboxes.Single().Address);

        await _host.Imap.DeliverAsync(CalendarAnswer(invitations[AskScenario.Email(1)], "ACCEPTED"));
        await _host.Imap.DeliverAsync(CalendarAnswer(invitations[AskScenario.Email(2)], "DECLINED"));
        await _host.Imap.DeliverAsync(CalendarAnswer(invitations[AskScenario.Email(3)], "TENTATIVE"));
        await _host.ReadInboxAsync();

        (await AttendanceOnPageAsync(network)).Should().Be("Tulevad: Liige 1 · Võib-olla: Liige 3 · Ei tule: Liige 2");
        (await AttendanceOnPageAsync(network, "en")).Should().Be("Coming: Liige 1 · Maybe: Liige 3 · Not coming: Liige 2");
        var api = (await _host.Scenario.NetworkAsync(network))["meetings"]!.AsArray().Single()!["attendees"]!.AsArray();
        api.Select(a => (a!["name"]!.GetValue<string>(), a["status"]!.GetValue<string>()))
            .Should().Equal(("Liige 1", "Accepted"), ("Liige 2", "Declined"), ("Liige 3", "Tentative"));
        var sheet = await _host.Http.GetStringAsync($"/networks/{network["id"]}/sheets/meetings.csv");
        sheet.Should().Contain("Tulevad: Liige 1 · Võib-olla: Liige 3 · Ei tule: Liige 2");

        // Moved to another day: everyone is asked again, and an answer to the old invitation no longer counts.
        var oldInvitation = invitations[AskScenario.Email(1)];
        (await _host.Scenario.Api.PutAsJsonAsync($"/api/networks/{network["id"]}/meetings/{meetingId}",
            new { title = "Esimene kohtumine", startsAt = "2030-05-07T10:00", endsAt = "2030-05-07T11:00", place = "Vallamaja" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await AttendanceOnPageAsync(network)).Should().Be("Vastamata: Liige 1, Liige 2, Liige 3");
        var changed = (await _host.Smtp.WaitForMessagesAsync(3 + 4 + 4, TimeSpan.FromSeconds(30)))
            .Where(IsInvitation).Where(m => m.To.Mailboxes.Single().Address == AskScenario.Email(2)).MaxBy(m => EventOf(m).Sequence)!;
        await _host.Imap.DeliverAsync(CalendarAnswer(oldInvitation, "ACCEPTED"));
        await _host.Imap.DeliverAsync(CalendarAnswer(changed, "ACCEPTED"));
        await _host.ReadInboxAsync();

        (await AttendanceOnPageAsync(network)).Should().Be("Tulevad: Liige 2 · Vastamata: Liige 1, Liige 3");
    }
}
