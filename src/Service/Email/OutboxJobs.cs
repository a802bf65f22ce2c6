using Hangfire;

namespace Koostoo.Service.Email;

/// <summary>What Hangfire runs for the outbox: messages, or the sweep. Retries are the outbox's own (back-off in the row), not Hangfire's.</summary>
public sealed class OutboxJobs(OutboxSender sender, IBackgroundJobClient jobs)
{
    public const string SweepJobId = "koostoo-outbox-sweep";
    private const int SweepBatch = 1000;

    /// <summary>Messages one job delivers, one after another: a launch's invitations, a sweep's share.</summary>
    public const int Batch = 50;

    /// <summary>One job for every <see cref="Batch"/> of <paramref name="outboxIds"/>.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, IReadOnlyList<Guid> outboxIds)
    {
        foreach (var chunk in outboxIds.Chunk(Batch))
            jobs.Enqueue<OutboxJobs>(j => j.DeliverAllAsync(chunk, CancellationToken.None));
    }

    /// <summary>One message: a retry scheduled for its next attempt.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task DeliverAsync(Guid outboxId, CancellationToken ct) => sender.DeliverAsync(outboxId, ct);

    /// <summary>
    /// Each message claimed, sent and recorded on its own, as <see cref="DeliverAsync"/> does: one that cannot be
    /// (the database busy past its timeout) does not hold back the others; its row is left to the sweep, and the job
    /// ends failed with what went wrong, on the dashboard as a one-message job's failure was.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAllAsync(Guid[] outboxIds, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var id in outboxIds)
        {
            try
            {
                await sender.DeliverAsync(id, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                failures.Add(e);
            }
        }
        if (failures.Count > 0)
            throw new AggregateException($"{failures.Count} of {outboxIds.Length} outbox messages not delivered now; the sweep tries them again.", failures);
    }

    /// <summary>Every due row gets a job: after a restart (in-memory jobs gone), a lost job, a crash mid-send.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct) => Enqueue(jobs, await sender.DueAsync(SweepBatch, ct));
}
