using System.Collections.Concurrent;
using Koostoo.Service.Email;
using MimeKit;

namespace Koostoo.EndToEnd.Tests;

/// <summary>A mail transport that fails as the test says and records every attempt and every accepted message.</summary>
public sealed class ScriptedTransport : IMailTransport
{
    public Func<MimeMessage, Exception?> Failure { get; set; } = _ => null;
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(20);
    public ConcurrentQueue<(string MessageId, DateTimeOffset At)> Attempts { get; } = new();
    public ConcurrentQueue<string> Accepted { get; } = new();

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Attempts.Enqueue((message.MessageId ?? "", DateTimeOffset.UtcNow));
        await Task.Delay(Latency, ct);
        if (Failure(message) is { } failure) throw failure;
        Accepted.Enqueue(message.MessageId ?? "");
    }
}
