using Koostoo.Language;
using System.Text.Json;
using Koostoo.Activities.Networks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Activities.Email;

/// <summary>
/// How an activity sends mail: one outbox row per recipient in the workflow's own transaction, and the host told
/// to deliver them only after that transaction commits. Every activity that mails goes through here.
/// </summary>
public static class Outbox
{
    /// <exception cref="InvalidOperationException">The recipient is no one of the instance's network: a step never mails anyone else.</exception>
    public static OutboxMessage Queue(ActivityContext context, Recipient recipient, RenderedEmail email, Recipient? coordinator, string? attachments = null)
    {
        // The last line against a relay, whatever chose the recipient: the network this transaction has loaded names them.
        var network = NetworkPeople.Loaded(context);
        if (network is null || !NetworkPeople.Reaches(network, recipient.Address))
            throw new InvalidOperationException("Mail goes only to the people of the instance's network; this recipient is none of them.");
        var row = Row(context.Services.GetRequiredService<IMailDelivery>(), recipient, email, coordinator, attachments, context.Now,
            context.Instance.Id, context.Activity.Id);
        context.NetworkDb().Outbox.Add(row);
        return row;
    }

    /// <summary>
    /// The row itself, for mail that is not a workflow step's (a meeting invitation): the caller adds it to its own
    /// unit of work and calls <see cref="IMailDelivery.Deliver"/> after that commits.
    /// </summary>
    public static OutboxMessage Row(IMailDelivery delivery, Recipient recipient, RenderedEmail email, Recipient? coordinator, string? attachments,
        DateTimeOffset now, Guid? instanceId = null, string? activityId = null) => new()
    {
        MessageId = MessageBuilder.NewMessageId(delivery.MessageIdDomain),
        InstanceId = instanceId,
        ActivityId = activityId,
        ToAddress = recipient.Address,
        ToName = recipient.Name,
        Language = recipient.Language,
        Subject = email.Subject,
        TextBody = email.Text,
        HtmlBody = email.Html,
        ListUnsubscribe = ListUnsubscribe(recipient, coordinator),
        Attachments = attachments,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>Attachments as the row's JSON column holds them (read back by <see cref="MessageBuilder.Attachments"/>); none is null.</summary>
    public static string? AttachmentsJson(IReadOnlyCollection<EmailAttachment>? attachments) =>
        attachments is { Count: > 0 } ? JsonSerializer.Serialize(attachments, WorkflowJson.Options) : null;

    /// <summary>After commit, hand the rows to delivery and name them in the journal by Message-ID, never by address.</summary>
    public static void DeliverAfterCommit(ActivityContext context, IReadOnlyList<OutboxMessage> rows)
    {
        context.Log(rows.Count == 0
            ? "No recipients; no email queued."
            : $"{rows.Count} email(s) queued: {string.Join(", ", rows.Select(r => r.MessageId))}");
        if (rows.Count == 0) return;
        var ids = rows.Select(r => r.Id).ToList();
        context.AfterCommit((services, _) =>
        {
            services.GetRequiredService<IMailDelivery>().Deliver(ids);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Members leave a network by telling its coordinator, so their mail offers a mailto to the coordinator;
    /// the coordinator's own mail carries none (docs/email.md).
    /// </summary>
    private static string? ListUnsubscribe(Recipient recipient, Recipient? coordinator)
    {
        if (recipient.Kind != RecipientKind.Member || coordinator is null) return null;
        var subject = Uri.EscapeDataString(Words.In(recipient.Language)["Mail.RemoveMe"]);
        return $"<mailto:{coordinator.Address}?subject={subject}>";
    }
}
