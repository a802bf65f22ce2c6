using Koostoo.Activities.Email;
using Koostoo.Service.Email;
using Koostoo.Service.Persistence;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests;

/// <summary>The outbox's claim, back-off and give-up rules, with a scripted transport in the real host.</summary>
public sealed class OutboxRetryTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ScriptedTransport _transport = new();
    private KoostooApp _app = null!;

    private const string Definition = """
        {
          "id": "one-mail",
          "name": "Üks kiri",
          "activities": [
            { "id": "send", "type": "SendEmail", "inputs": { "to": ["coordinator"], "subject": "Teema", "body": "Sisu" } }
          ]
        }
        """;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:Mail:Retry:MaxAttempts"] = "4" },
            services => services.AddSingleton<IMailTransport>(_transport));
        return Task.CompletedTask;
    }

    private async Task<Guid> SendOneAsync()
    {
        var client = _app.CreateClient();
        (await client.PostAsync("/api/workflow-definitions", new StringContent(Definition, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/workflow-definitions/one-mail/publish", null)).EnsureSuccessStatusCode();
        return await _app.LaunchAsync(client, "one-mail", ("Mari Maasikas", "mari@kool.example", "et"));
    }

    [Fact]
    public async Task Attempts_back_off_exponentially_and_end_failed_with_the_last_error()
    {
        _transport.Failure = _ => new IOException("connection reset by peer");

        var instance = await SendOneAsync();

        var row = (await _app.WaitForOutboxAsync(instance, r => r.Single().Status == OutboxStatus.Failed, TimeSpan.FromSeconds(30))).Single();
        row.Attempts.Should().Be(4);
        row.LastError.Should().Be("IOException: connection reset by peer");
        row.SentAt.Should().BeNull();
        var times = _transport.Attempts.Select(a => a.At).ToList();
        times.Should().HaveCount(4);
        // Base 200 ms doubling: at least 0.2, 0.4, 0.8 s between attempts (the scheduler may add up to its 1 s polling).
        for (var i = 1; i < times.Count; i++)
            (times[i] - times[i - 1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200 * (1 << (i - 1)) - 20));
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_fails_at_once()
    {
        _transport.Failure = m => new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            m.To.Mailboxes.Single(), "5.1.1 no such user");

        var instance = await SendOneAsync();

        var row = (await _app.WaitForOutboxAsync(instance, r => r.Single().Status == OutboxStatus.Failed, TimeSpan.FromSeconds(30))).Single();
        row.Attempts.Should().Be(1);
        row.LastError.Should().Contain("no such user");
    }

    [Fact]
    public async Task A_commits_messages_go_out_together_and_one_refused_for_good_does_not_hold_back_the_others()
    {
        _transport.Failure = m => m.To.Mailboxes.Single().Address == "juku@kool.example"
            ? new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, m.To.Mailboxes.Single(), "5.1.1 no such user")
            : null;
        var client = _app.CreateClient();
        (await client.PostAsync("/api/workflow-definitions", new StringContent(Definition.Replace("one-mail", "members-mail").Replace("\"coordinator\"", "\"members\""),
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/workflow-definitions/members-mail/publish", null)).EnsureSuccessStatusCode();

        var instance = await _app.LaunchAsync(client, "members-mail",
            ("Mari Maasikas", "mari@kool.example", "et"), ("Juku Juurikas", "juku@kool.example", "et"), ("Kati Kask", "kati@kool.example", "et"));

        var rows = await _app.WaitForOutboxAsync(instance, r => r.Count == 3 && r.All(m => m.Status is OutboxStatus.Sent or OutboxStatus.Failed), TimeSpan.FromSeconds(30));
        rows.ToDictionary(r => r.ToAddress, r => r.Status).Should().BeEquivalentTo(new Dictionary<string, OutboxStatus>
        {
            ["mari@kool.example"] = OutboxStatus.Sent, ["juku@kool.example"] = OutboxStatus.Failed, ["kati@kool.example"] = OutboxStatus.Sent,
        });
        _transport.Accepted.Should().HaveCount(2);
    }

    [Fact]
    public async Task Ten_workers_delivering_one_message_at_once_send_it_once_and_a_late_job_sends_nothing()
    {
        _transport.Latency = TimeSpan.FromMilliseconds(200);
        var id = await InsertAsync(OutboxStatus.Pending, leaseUntil: null, attempts: 0);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DeliverAsync(id)));
        // The start-up sweep may be the eleventh worker, and the winner; wait for whoever it was.
        await _app.WaitForOutboxAsync(null, rows => rows.Single(r => r.Id == id).Status == OutboxStatus.Sent, TimeSpan.FromSeconds(10));
        await DeliverAsync(id);

        var row = (await _app.OutboxAsync()).Single(r => r.Id == id);
        row.Status.Should().Be(OutboxStatus.Sent);
        row.Attempts.Should().Be(1);
        _transport.Accepted.Count(m => m == row.MessageId).Should().Be(1);
    }

    [Fact]
    public async Task A_claim_whose_worker_vanished_is_taken_over_once_its_lease_ran_out_and_not_before()
    {
        var crashed = await InsertAsync(OutboxStatus.Sending, leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1), attempts: 1);
        var busy = await InsertAsync(OutboxStatus.Sending, leaseUntil: DateTimeOffset.UtcNow.AddMinutes(5), attempts: 1);

        await DeliverAsync(crashed);
        await DeliverAsync(busy);

        // The start-up sweep may have taken the crashed claim over first; either way it ends Sent.
        var rows = await _app.WaitForOutboxAsync(null, r => r.Single(m => m.Id == crashed).Status == OutboxStatus.Sent, TimeSpan.FromSeconds(10));
        rows.Single(r => r.Id == crashed).Should().Match<OutboxMessage>(r => r.Status == OutboxStatus.Sent && r.Attempts == 2);
        rows.Single(r => r.Id == busy).Should().Match<OutboxMessage>(r => r.Status == OutboxStatus.Sending && r.Attempts == 1);
    }

    private async Task DeliverAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeliverAsync(id, CancellationToken.None);
    }

    private async Task<Guid> InsertAsync(OutboxStatus status, DateTimeOffset? leaseUntil, int attempts)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
        var now = DateTimeOffset.UtcNow;
        var row = new OutboxMessage
        {
            MessageId = MessageBuilder.NewMessageId("vald.example"),
            ToAddress = "abi@vald.example",
            Language = "et",
            Subject = "Teema",
            TextBody = "Sisu\n",
            HtmlBody = "<p>Sisu</p>",
            CreatedAt = now,
            NextAttemptAt = now,
            Status = status,
            LeaseUntil = leaseUntil,
            Attempts = attempts,
        };
        db.Outbox.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
