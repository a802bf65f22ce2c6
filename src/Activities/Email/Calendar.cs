using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Koostoo.Activities.Email;

/// <summary>One calendar entry as mail carries it; <see cref="Uid"/> and <see cref="Sequence"/> let a calendar replace an earlier copy.</summary>
public sealed record CalendarEntry(
    string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Summary,
    string? Description = null, string? Location = null, string? Url = null);

/// <summary>
/// The .ics attachments the service sends: a meeting invitation (METHOD:REQUEST, the coordinator organises and the
/// recipient attends, so calendars offer to accept it) and a step's deadline (METHOD:PUBLISH: nothing to accept, just
/// a note in the calendar). Times go out in UTC, so no VTIMEZONE is needed and every client places them alike.
/// </summary>
public static class Calendar
{
    public static EmailAttachment Invitation(string fileName, CalendarEntry entry, Recipient organiser, Recipient attendee, DateTimeOffset now)
    {
        var calendarEvent = Event(entry, now);
        calendarEvent.Organizer = new Organizer($"mailto:{organiser.Address}") { CommonName = organiser.Name };
        calendarEvent.Attendees.Add(new Attendee($"mailto:{attendee.Address}")
        {
            CommonName = attendee.Name,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            // Asks the calendar to send the answer back (iMIP REPLY) to the organiser's address.
            Rsvp = true,
        });
        return Attachment(fileName, "REQUEST", calendarEvent);
    }

    public static EmailAttachment Notice(string fileName, CalendarEntry entry, DateTimeOffset now) =>
        Attachment(fileName, "PUBLISH", Event(entry, now));

    private static CalendarEvent Event(CalendarEntry entry, DateTimeOffset now) => new()
    {
        Uid = entry.Uid,
        Sequence = entry.Sequence,
        DtStamp = Utc(now),
        DtStart = Utc(entry.Start),
        DtEnd = Utc(entry.End),
        Summary = entry.Summary,
        Description = entry.Description,
        Location = entry.Location,
        Url = entry.Url is null ? null : new Uri(entry.Url),
    };

    private static CalDateTime Utc(DateTimeOffset moment) => new(moment.UtcDateTime);

    private static EmailAttachment Attachment(string fileName, string method, CalendarEvent calendarEvent)
    {
        var calendar = new Ical.Net.Calendar { Method = method, ProductId = "-//Koostoo//Koostoo//ET" };
        calendar.Events.Add(calendarEvent);
        return new EmailAttachment(fileName, $"text/calendar; method={method}", new CalendarSerializer().SerializeToString(calendar)!);
    }
}
