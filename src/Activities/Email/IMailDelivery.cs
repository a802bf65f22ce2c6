namespace Koostoo.Activities.Email;

/// <summary>
/// The host's side of the outbox as activities see it (the host owns Hangfire and the mail transports).
/// Like the timer scheduler, a port: activities write rows, the host delivers them.
/// </summary>
public interface IMailDelivery
{
    /// <summary>The right-hand side of Message-IDs: the domain of the sender address.</summary>
    string MessageIdDomain { get; }

    /// <summary>Called after commit: deliver these outbox rows now. Losing this call loses nothing; the sweep finds them.</summary>
    void Deliver(IReadOnlyList<Guid> outboxIds);
}
