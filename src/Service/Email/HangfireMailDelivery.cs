using Hangfire;
using Koostoo.Activities.Email;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Email;

/// <summary>
/// Activities' outbox rows, delivered by Hangfire as soon as the workflow's transaction commits: one job for up to
/// <see cref="OutboxJobs.Batch"/> of a commit's messages, not one each, because a job costs Hangfire's storage more
/// than a message costs to send (docs/scale.md).
/// </summary>
public sealed class HangfireMailDelivery(IBackgroundJobClient jobs, IOptions<MailOptions> options) : IMailDelivery
{
    public string MessageIdDomain => options.Value.FromAddress[(options.Value.FromAddress.LastIndexOf('@') + 1)..];

    public void Deliver(IReadOnlyList<Guid> outboxIds) => OutboxJobs.Enqueue(jobs, outboxIds);
}
