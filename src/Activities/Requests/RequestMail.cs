using Koostoo.Language;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.Replies;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koostoo.Activities.Requests;

/// <summary>
/// The emails of a request to one person (the request, a reminder, a check-in): each with a link of its own, of
/// which only the hash is saved; and the coordinator's notice when a step needs them.
/// </summary>
public static class RequestMail
{
    /// <summary>Whom a request asks, as mail reaches them: a member, or the coordinator when a step asks them.</summary>
    public static Recipient RespondentOf(StepRequest request) =>
        new(request.RespondentEmail, request.RespondentName, request.Language,
            request.MemberId is null ? RecipientKind.Coordinator : RecipientKind.Member, request.MemberId?.ToString());

    public static OutboxMessage ToRespondent(ActivityContext context, string template, StepRequest request, Recipient? coordinator, LocalizedText? note, string timeZone)
    {
        var recipient = RespondentOf(request);
        var (link, token) = RequestLink.Create(request.Id, context.Now);
        context.NetworkDb().RequestLinks.Add(link);
        var form = RequestForm.FromJson(request.Form);
        if (NetworkPeople.Loaded(context) is { Confidential: true } network)
        {
            // No question and no reply address either: a reply by mail would carry the answer through mail servers.
            return Outbox.Queue(context, recipient, ConfidentialMail.Render(network, recipient, request: true, Links(context).Respond(token), request.Deadline, timeZone),
                coordinator, DeadlineCalendar(context, request, form, recipient.Language, confidential: true));
        }
        var scope = new Dictionary<string, object?>
        {
            ["network"] = form.NetworkName,
            ["step"] = form.Question.In(recipient.Language),
            ["link"] = Links(context).Respond(token),
            ["deadline"] = request.Deadline is { } d ? MomentText.Format(d, recipient.Language, timeZone) : null,
            ["note"] = note?.In(recipient.Language),
            [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
        };
        var replies = context.Services.GetService<IOptions<ReplyAddressing>>()?.Value;
        if (replies is { IsOn: true }) scope[TemplateCatalog.ReplyHintVariable] = ReplyAnswer.Hint(form.Fields, recipient.Language);
        var catalog = TemplateCatalog.Shipped;
        var row = Outbox.Queue(context, recipient, catalog.Render(catalog.Find(template)!, recipient.Language, scope), coordinator,
            DeadlineCalendar(context, request, form, recipient.Language, confidential: false));
        if (replies is { IsOn: true })
        {
            var (address, key) = ReplyAddress.Create(request.Id, context.Now);
            context.NetworkDb().Set<ReplyAddress>().Add(address);
            row.ReplyTo = replies.For(key);
        }
        return row;
    }

    /// <summary>
    /// The deadline in the member's calendar. The entry points at the network, never at the personal link: calendars
    /// are shared and synced further than a mailbox. A reminder carries the same UID with a higher SEQUENCE, so an
    /// extended deadline moves the entry instead of adding a second one.
    /// </summary>
    private static string? DeadlineCalendar(ActivityContext context, StepRequest request, RequestForm form, string language, bool confidential)
    {
        if (request.Deadline is not { } due) return null;
        var words = Words.In(language);
        return Outbox.AttachmentsJson([Calendar.Notice(words["Calendar.DeadlineFile"], new CalendarEntry(
            $"{request.Id}@koostoo", request.RemindersSent, due, due.AddMinutes(15),
            confidential ? words["Calendar.Deadline", form.NetworkName] : words["Calendar.DeadlineOf", form.NetworkName, form.Question.In(language)],
            Description: words["Calendar.LinkInMail"],
            Url: Links(context).Network(request.NetworkId)), context.Now)]);
    }

    /// <summary>A notice to the coordinator that links to the network's page, where they can act.</summary>
    public static OutboxMessage NoticeToCoordinator(ActivityContext context, Network network, Recipient coordinator, LocalizedText title, LocalizedText message)
    {
        if (network.Confidential)
            return Outbox.Queue(context, coordinator, ConfidentialMail.Render(network, coordinator, request: false, Links(context).Network(network.Id)), coordinator);
        var scope = new Dictionary<string, object?>
        {
            ["network"] = network.Name,
            ["title"] = title.In(coordinator.Language),
            ["message"] = message.In(coordinator.Language),
            ["link"] = Links(context).Network(network.Id),
            [TemplateCatalog.RecipientVariable] = coordinator.TemplateModel(),
        };
        var catalog = TemplateCatalog.Shipped;
        return Outbox.Queue(context, coordinator, catalog.Render(catalog.Find("notice")!, coordinator.Language, scope), coordinator);
    }

    public static PublicLinks Links(ActivityContext context) =>
        context.Services.GetService<IOptions<PublicLinks>>()?.Value ?? new PublicLinks();
}
