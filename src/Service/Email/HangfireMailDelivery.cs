using Hangfire;
using Koostoo.Activities.Email;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Email;

/// <summary>Activities' outbox rows, delivered by a Hangfire job each as soon as the workflow's transaction commits.</summary>
public sealed class HangfireMailDelivery(IBackgroundJobClient jobs, IOptions<MailOptions> options) : IMailDelivery
{
    public string MessageIdDomain => options.Value.FromAddress[(options.Value.FromAddress.LastIndexOf('@') + 1)..];

    public void Deliver(IReadOnlyList<Guid> outboxIds)
    {
        foreach (var id in outboxIds)
            jobs.Enqueue<OutboxJobs>(j => j.DeliverAsync(id, CancellationToken.None));
    }
}
