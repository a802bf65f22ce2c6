using System.Diagnostics;
using Koostoo.Activities.Email;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests;

public sealed class SmtpOutageTests(ITestOutputHelper output) : IDisposable
{
    private const int Count = 50;
    private readonly TempFolder _folder = new();

    // Posted through the API rather than shipped: the inline texts are what a designer would write.
    private const string Definition = """
        {
          "id": "nudge-everyone",
          "name": { "et": "Meeldetuletus kõigile", "en": "A reminder to everyone" },
          "activities": [
            { "id": "remind", "type": "SendEmail", "inputs": {
                "to": ["members"],
                "subject": { "et": "Meeldetuletus, {{ recipient.name }}", "en": "Reminder, {{ recipient.name }}" },
                "body": { "et": "Palun vasta: {{ variables.networkLink }}", "en": "Please answer: {{ variables.networkLink }}" } } }
          ]
        }
        """;

    [Fact]
    public async Task Fifty_messages_queued_while_the_server_is_down_each_arrive_exactly_once_when_it_is_back()
    {
        using var smtp = new SmtpServer(); // port reserved, server not running
        await using var app = new KoostooApp(_folder, Network.Smtp(smtp.Port, maxAttempts: 100));
        var client = app.CreateClient();
        (await client.PostAsync("/api/workflow-definitions", new StringContent(Definition, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/workflow-definitions/nudge-everyone/publish", null)).EnsureSuccessStatusCode();

        var members = Enumerable.Range(1, Count).Select(i => ($"Liige {i}", $"m{i:00}@kool.example", i % 2 == 0 ? "en" : "et")).ToArray();
        var instance = await app.LaunchAsync(client, "nudge-everyone", members);

        // Every message has failed at least twice against the closed port, with its error recorded.
        var failing = await app.WaitForOutboxAsync(instance, rows => rows.Count == Count && rows.All(r => r.Attempts >= 2),
            TimeSpan.FromSeconds(60));
        failing.Should().OnlyContain(r => r.Status != OutboxStatus.Sent && r.LastError != null);

        var back = Stopwatch.StartNew();
        await smtp.StartAsync();
        var sent = await app.WaitForOutboxAsync(instance, rows => rows.All(r => r.Status == OutboxStatus.Sent), TimeSpan.FromSeconds(90));
        output.WriteLine($"{Count} messages delivered {back.Elapsed.TotalSeconds:0.0} s after the server came back; attempts per message: " +
                         $"min {sent.Min(r => r.Attempts)}, max {sent.Max(r => r.Attempts)}");
        back.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the retry jobs deliver; the minute sweep is only the safety net");

        // Any duplicate would come from a job still queued, running or due (a second delivery job, the sweep).
        await app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        var received = smtp.Messages();
        received.GroupBy(m => m.MessageId).Should().OnlyContain(g => g.Count() == 1, "no message is sent twice");
        received.Select(m => m.MessageId).Should().BeEquivalentTo(sent.Select(r => r.MessageId), "every message arrives");
        received.Select(m => m.Subject).Should().Contain(["Meeldetuletus, Liige 1", "Reminder, Liige 2"]);
    }

    public void Dispose() => _folder.Dispose();
}
