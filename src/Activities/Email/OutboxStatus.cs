namespace Koostoo.Activities.Email;

/// <summary>Where an outbox message is on its way to the mail server.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its (next) attempt at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,
    /// <summary>Claimed by one worker until <see cref="OutboxMessage.LeaseUntil"/>; a lease that ran out (a crash) is claimed again.</summary>
    Sending,
    /// <summary>The server accepted it; never sent again.</summary>
    Sent,
    /// <summary>Given up: attempts used up, or the server refused the recipient for good.</summary>
    Failed,
}
