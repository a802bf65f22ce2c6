using Ical.Net.CalendarComponents;
using Koostoo.Networks.Meetings;
using MimeKit;

namespace Koostoo.Service.Replies;

/// <summary>
/// A calendar's answer to a meeting invitation (iMIP, RFC 6047: a text/calendar part with METHOD:REPLY): which event
/// (UID) and which version of it (SEQUENCE), who answers (the ATTENDEE) and how (PARTSTAT).
/// </summary>
public sealed record CalendarReply(string Uid, int Sequence, string Attendee, AttendanceStatus Status)
{
    public static CalendarReply? Of(MimeMessage message)
    {
        foreach (var part in message.BodyParts.OfType<TextPart>().Where(p => p.ContentType.IsMimeType("text", "calendar")))
        {
            Ical.Net.Calendar? calendar;
            try
            {
                calendar = Ical.Net.Calendar.Load(part.Text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                continue;
            }
            if (calendar is null || !string.Equals(calendar.Method, "REPLY", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var calendarEvent in calendar.Events.OfType<CalendarEvent>())
            {
                var attendee = calendarEvent.Attendees.FirstOrDefault();
                var status = attendee?.ParticipationStatus?.ToUpperInvariant() switch
                {
                    "ACCEPTED" => AttendanceStatus.Accepted,
                    "TENTATIVE" => AttendanceStatus.Tentative,
                    "DECLINED" => AttendanceStatus.Declined,
                    _ => (AttendanceStatus?)null,
                };
                if (attendee?.Value is null || status is null || calendarEvent.Uid is null) continue;
                var address = attendee.Value.ToString();
                if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = address["mailto:".Length..];
                return new CalendarReply(calendarEvent.Uid, calendarEvent.Sequence, address, status.Value);
            }
        }
        return null;
    }
}
