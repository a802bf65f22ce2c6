namespace Koostoo.Activities.Email;

/// <summary>
/// One email to one recipient, rendered when the workflow decided to send it and saved in the same transaction
/// as the workflow's state. Delivery only reads it, so what is sent is exactly what was decided, however late.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>The Message-ID header (without angle brackets), fixed when the row is written, the same on every attempt.</summary>
    public required string MessageId { get; init; }
    public Guid? InstanceId { get; init; }
    public string? ActivityId { get; init; }

    public required string ToAddress { get; init; }
    public string? ToName { get; init; }
    /// <summary>The language the message was rendered in (et, en).</summary>
    public required string Language { get; init; }
    public required string Subject { get; init; }
    /// <summary>Once Sent, kept without the members' link tokens (<see cref="Koostoo.Networks.Requests.RequestLink.Redact"/>).</summary>
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    /// <summary>The List-Unsubscribe header value, where one applies (docs/email.md).</summary>
    public string? ListUnsubscribe { get; init; }
    /// <summary>Where a reply to this message goes: a request's own reply address, when replies are read.</summary>
    public string? ReplyTo { get; set; }
    /// <summary>JSON list of <see cref="EmailAttachment"/>, or null.</summary>
    public string? Attachments { get; init; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
