using Koostoo.Language;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Requests;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Meetings;

/// <summary>
/// The invitation to a meeting, one outbox row per active member and one for the coordinator, each in its reader's
/// language with a calendar file of its own (the reader is its attendee). In a confidential network the agenda stays
/// out of mail and calendar: what the coordinator writes there may name the client (docs/glossary.md, "kliendi saladuse hoidmine").
/// </summary>
public static class MeetingInvitations
{
    /// <param name="replies">When replies are read, the calendar's answers go to the reply mailbox (the organiser's address,
    /// under the coordinator's name), so the network page shows who comes; else to the coordinator.</param>
    public static List<OutboxMessage> Queue(DbContext db, IMailDelivery delivery, PublicLinks links, ReplyAddressing replies, Network network,
        Meeting meeting, bool changed, DateTimeOffset now)
    {
        var people = RecipientResolver.Resolve([RecipientResolver.Members, RecipientResolver.Coordinator], NetworkPeople.Of(network));
        var coordinator = people.Coordinator!;
        var organiser = replies.IsOn ? coordinator with { Address = replies.Address! } : coordinator;
        var recipients = people.Recipients;
        var catalog = TemplateCatalog.Shipped;
        var template = catalog.Find("meeting-invitation")!;
        var agenda = network.Confidential ? null : meeting.Agenda;
        var rows = new List<OutboxMessage>();
        foreach (var recipient in recipients)
        {
            var email = catalog.Render(template, recipient.Language, new Dictionary<string, object?>
            {
                ["network"] = network.Name,
                ["title"] = meeting.Title,
                ["starts"] = MomentText.Format(meeting.StartsAt, recipient.Language),
                ["ends"] = MomentText.Format(meeting.EndsAt, recipient.Language),
                ["place"] = meeting.Place,
                ["online_link"] = meeting.OnlineLink,
                ["agenda"] = agenda,
                ["agenda_withheld"] = network.Confidential && meeting.Agenda is not null,
                ["changed"] = changed,
                ["coordinator"] = $"{network.CoordinatorName} <{network.CoordinatorEmail}>",
                [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
            });
            var invitation = Calendar.Invitation(Words.In(recipient.Language)["Calendar.MeetingFile"], new CalendarEntry(
                Uid(meeting), meeting.Sequence, meeting.StartsAt, meeting.EndsAt, $"{network.Name}: {meeting.Title}",
                Description: string.Join("\n\n", new[] { agenda, meeting.OnlineLink }.Where(t => t is not null)),
                Location: meeting.Place ?? meeting.OnlineLink,
                // The video link where there is one, since that is what a reader opens from the calendar; else the network.
                Url: meeting.OnlineLink ?? links.Network(network.Id)), organiser, recipient, now);
            var row = Outbox.Row(delivery, recipient, email, coordinator, Outbox.AttachmentsJson([invitation]), now);
            db.Set<OutboxMessage>().Add(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The calendar's identity of a meeting: the same for every invitation and change, so calendars update it in place.</summary>
    public static string Uid(Meeting meeting) => $"{meeting.Id}@koostoo";

    /// <summary>The meeting a calendar's UID names, when it is one of ours.</summary>
    public static Guid? MeetingIdOf(string uid) =>
        uid.EndsWith("@koostoo", StringComparison.Ordinal) && Guid.TryParse(uid[..^"@koostoo".Length], out var id) ? id : null;
}
