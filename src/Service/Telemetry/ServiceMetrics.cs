using System.Diagnostics.Metrics;
using Koostoo.Activities.Email;
using Koostoo.Service.Answers;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Telemetry;

/// <summary>
/// The application's own meters (meter <see cref="Name"/>): answers by channel and result, mails that failed for good,
/// and the outbox's depth and the age of its oldest unsent mail, read from the database when a collector asks
/// (docs/operations.md).
/// </summary>
public sealed class ServiceMetrics
{
    public const string Name = "Koostoo.Service";

    private readonly Counter<long> _answers;
    private readonly Counter<long> _failedMails;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;

    public ServiceMetrics(IServiceScopeFactory scopes, TimeProvider time, IMeterFactory? meters = null)
    {
        _scopes = scopes;
        _time = time;
        var meter = meters?.Create(Name) ?? new Meter(Name);
        _answers = meter.CreateCounter<long>("koostoo.answers", "{answer}", "Members' answers, by channel and result (Saved, Stale, Closed)");
        _failedMails = meter.CreateCounter<long>("koostoo.mail.failed", "{mail}", "Mails given up on: refused for good or out of attempts");
        meter.CreateObservableGauge("koostoo.outbox.depth", () => Outbox().Depth, "{mail}", "Mails waiting to be sent (pending or being sent)");
        meter.CreateObservableGauge("koostoo.outbox.age", () => Outbox().OldestAge, "s", "Age of the oldest mail waiting to be sent");
    }

    public void Answered(AnswerChannel channel, SubmitResult result) =>
        _answers.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()), new KeyValuePair<string, object?>("result", result.ToString()));

    public void MailFailed() => _failedMails.Add(1);

    /// <summary>Two indexed reads per collection (every export interval), never on a request's path.</summary>
    private (long Depth, double OldestAge) Outbox()
    {
        using var scope = _scopes.CreateScope();
        var waiting = scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending);
        var depth = waiting.LongCount();
        var oldest = depth == 0 ? (DateTimeOffset?)null : waiting.Min(m => (DateTimeOffset?)m.CreatedAt);
        return (depth, oldest is null ? 0 : (_time.GetUtcNow() - oldest.Value).TotalSeconds);
    }
}
