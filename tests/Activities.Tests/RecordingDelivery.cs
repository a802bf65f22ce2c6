using Koostoo.Activities.Email;

namespace Koostoo.Activities.Tests;

/// <summary>Delivery as the activities see it, recording what it was told to deliver; the mail itself is the outbox rows.</summary>
public sealed class RecordingDelivery : IMailDelivery
{
    public List<Guid> Delivered { get; } = [];
    public string MessageIdDomain => "vald.example";
    public void Deliver(IReadOnlyList<Guid> outboxIds) => Delivered.AddRange(outboxIds);
}
