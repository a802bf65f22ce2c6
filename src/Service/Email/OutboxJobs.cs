using Hangfire;

namespace Koostoo.Service.Email;

/// <summary>What Hangfire runs for the outbox: one message, or the sweep. Retries are the outbox's own (back-off in the row), not Hangfire's.</summary>
public sealed class OutboxJobs(OutboxSender sender, IBackgroundJobClient jobs)
{
    public const string SweepJobId = "koostoo-outbox-sweep";
    private const int SweepBatch = 1000;

    [AutomaticRetry(Attempts = 0)]
    public Task DeliverAsync(Guid outboxId, CancellationToken ct) => sender.DeliverAsync(outboxId, ct);

    /// <summary>Every due row gets a job: after a restart (in-memory jobs gone), a lost job, a crash mid-send.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var id in await sender.DueAsync(SweepBatch, ct))
            jobs.Enqueue<OutboxJobs>(j => j.DeliverAsync(id, CancellationToken.None));
    }
}
