using Hangfire;
using Koostoo.Activities.Email;
using Koostoo.Service.Persistence;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Koostoo.Service.Email;

/// <summary>
/// Delivers one outbox row: claims it (Pending and due, or a lease that ran out → Sending, in one conditional
/// update, so of two workers only one sends), hands it to the transport, then records Sent, or the error
/// and the next attempt with exponential back-off, or Failed when attempts are used up.
/// </summary>
public sealed class OutboxSender(
    KoostooDbContext db,
    IMailTransport transport,
    IBackgroundJobClient jobs,
    TimeProvider time,
    IOptions<MailOptions> options,
    Telemetry.ServiceMetrics metrics,
    ILogger<OutboxSender> logger)
{
    public async Task DeliverAsync(Guid id, CancellationToken ct)
    {
        var retry = options.Value.Retry;
        var now = time.GetUtcNow();
        var lease = now + retry.Lease;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && ((m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                                       || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseUntil, lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            await ComeBackWhenDueAsync(id, now, ct);
            return; // sent, failed, or another worker has it
        }

        var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            await transport.SendAsync(MessageBuilder.Build(row, new MailboxAddress(options.Value.FromName, options.Value.FromAddress)), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordFailureAsync(row, lease, e, ct);
            return;
        }
        // Not the request's token: the server has the message now, and that must be written down. In the same save the
        // stored copy loses its links' tokens: from now on the member's mailbox is the only place a working link is.
        var text = Koostoo.Networks.Requests.RequestLink.Redact(row.TextBody);
        var html = Koostoo.Networks.Requests.RequestLink.Redact(row.HtmlBody);
        await Mine(id, lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.TextBody, text)
            .SetProperty(m => m.HtmlBody, html)
            .SetProperty(m => m.SentAt, time.GetUtcNow())
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        logger.LogInformation("Email {MessageId} sent (attempt {Attempt})", row.MessageId, row.Attempts);
    }

    /// <summary>Rows a delivery should pick up now: due Pending ones, and Sending ones whose worker vanished.</summary>
    public Task<List<Guid>> DueAsync(int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Outbox.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(limit).ToListAsync(ct);
    }

    private async Task RecordFailureAsync(OutboxMessage row, DateTimeOffset lease, Exception e, CancellationToken ct)
    {
        var retry = options.Value.Retry;
        var error = $"{e.GetType().Name}: {e.Message}";
        var permanent = IsPermanent(e);
        if (permanent || row.Attempts >= retry.MaxAttempts)
        {
            await Mine(row.Id, lease).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            metrics.MailFailed();
            logger.LogError("Email {MessageId} failed for good after {Attempts} attempt(s): {Error}", row.MessageId, row.Attempts, e.GetType().Name);
            return;
        }
        var next = time.GetUtcNow() + retry.DelayAfter(row.Attempts);
        await Mine(row.Id, lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, error), CancellationToken.None);
        // The job is the fast path; the sweep delivers the row anyway if the job store forgets it.
        jobs.Schedule<OutboxJobs>(j => j.DeliverAsync(row.Id, CancellationToken.None), WholeSecondAfter(next));
        logger.LogWarning("Email {MessageId} attempt {Attempt} failed ({Error}); next attempt at {Next:O}", row.MessageId, row.Attempts, e.GetType().Name, next);
    }

    /// <summary>A job that came before its row was due (a clock step, a schedule rounded down) schedules itself again rather than leaving the row to the sweep.</summary>
    private async Task ComeBackWhenDueAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)
            .Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        if (due is not null) jobs.Schedule<OutboxJobs>(j => j.DeliverAsync(id, CancellationToken.None), WholeSecondAfter(due.Value));
    }

    /// <summary>Hangfire keeps schedule times in whole seconds and may run a job up to a second before the time asked; this time never is.</summary>
    private static DateTimeOffset WholeSecondAfter(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);

    /// <summary>The row while this worker's lease holds; a worker that outlived its lease records nothing over the next one's work.</summary>
    private IQueryable<OutboxMessage> Mine(Guid id, DateTimeOffset lease) =>
        db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Sending && m.LeaseUntil == lease);

    /// <summary>The server refused the recipient for good (5xx): trying again only annoys it.</summary>
    private static bool IsPermanent(Exception e) =>
        e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500;
}
