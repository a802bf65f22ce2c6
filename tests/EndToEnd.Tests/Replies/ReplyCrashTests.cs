using System.Net;
using System.Net.Http.Json;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Data.Sqlite;
using MimeKit;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Replies;

/// <summary>
/// The host killed (SIGKILL) while it reads a full reply inbox, and started again: every reply is counted once, none
/// lost and none twice, because each message's receipt is saved in the transaction of the answer it gave.
/// </summary>
public sealed class ReplyCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Members = 150;
    private readonly TempFolder _folder = new();
    private DovecotServer _imap = null!;

    public async Task InitializeAsync()
    {
        _folder.CopyWorkflows();
        _imap = await DovecotServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _imap.DisposeAsync();
        _folder.Dispose();
    }

    private HostProcess Start() => HostProcess.Start(_folder.Path, _folder["koostoo.db"], new Dictionary<string, string>(
        _imap.Settings.Select(s => KeyValuePair.Create(s.Key, s.Value!)))
    {
        ["Koostoo:Mail:PickupFolder"] = _folder["mail"],
    });

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder["koostoo.db"]};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task A_host_killed_while_reading_replies_counts_each_once_after_the_restart()
    {
        await using (var first = Start())
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            using var api = first.Client();
            (await api.PostAsync("/api/workflow-definitions", new StringContent(AskScenario.Definition(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            (await api.PostAsync($"/api/workflow-definitions/{AskScenario.DefinitionId}/publish", null)).EnsureSuccessStatusCode();
            var launched = await api.PostAsJsonAsync("/api/networks", new
            {
                name = "Suur võrgustik", purpose = "Mõõta", coordinatorName = "Kati Kask", coordinatorEmail = AskScenario.CoordinatorEmail,
                definitionId = AskScenario.DefinitionId,
                members = Enumerable.Range(1, Members).Select(i => new { name = $"Liige {i}", email = AskScenario.Email(i), sector = "Education" }),
            });
            launched.StatusCode.Should().Be(HttpStatusCode.Created, await launched.Content.ReadAsStringAsync());
            var until = DateTime.UtcNow.AddMinutes(1);
            while ((Directory.Exists(_folder["mail"]) ? Directory.GetFiles(_folder["mail"], "*.eml").Length : 0) < Members && DateTime.UtcNow < until)
                await Task.Delay(100);
            await first.KillAsync();
        }

        var requests = Directory.GetFiles(_folder["mail"], "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        requests.Should().HaveCount(Members);
        foreach (var request in requests)
        {
            var reply = new MimeMessage { Subject = "Re: " + request.Subject };
            reply.From.Add(request.To.Mailboxes.Single());
            reply.To.Add(request.ReplyTo.Mailboxes.Single());
            reply.Body = new TextPart("plain") { Text = "JAH" };
            await _imap.DeliverAsync(reply);
        }

        // The start-up read takes the inbox at once; the host dies part-way through it.
        await using (var second = Start())
        {
            await second.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            var until = DateTime.UtcNow.AddSeconds(30);
            while (Count("SELECT COUNT(*) FROM reply_receipts") < Members / 3 && DateTime.UtcNow < until) await Task.Delay(5);
            await second.KillAsync();
        }
        var atKill = Count("SELECT COUNT(*) FROM reply_receipts");
        output.WriteLine($"{atKill} of {Members} replies read when the host was killed");
        atKill.Should().BeInRange(1, Members - 1, "the host has to die part-way through the inbox for this to test anything");

        await using (var third = Start())
        {
            await third.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            var until = DateTime.UtcNow.AddMinutes(1);
            while (Count("SELECT COUNT(*) FROM reply_receipts") < Members && DateTime.UtcNow < until) await Task.Delay(100);
            // The step closed with everyone's answer and the next one waits.
            while (Count("SELECT COUNT(*) FROM journal WHERE Event = 'Completed' AND ActivityId = 'ask'") == 0 && DateTime.UtcNow < until) await Task.Delay(100);
        }

        Count("SELECT COUNT(*) FROM reply_receipts").Should().Be(Members);
        Count("SELECT COUNT(*) FROM reply_receipts WHERE Outcome = 'Answered'").Should().Be(Members);
        Count("SELECT COUNT(*) FROM step_requests WHERE Answer IS NOT NULL").Should().Be(Members);
        Count("SELECT COUNT(*) FROM journal WHERE Event = 'Resumed' AND ActivityId = 'ask'").Should().Be(Members, "each reply resumed its step once");
        Count("SELECT COUNT(*) FROM journal WHERE Event = 'Completed' AND ActivityId = 'ask'").Should().Be(1, "the step closed once");
    }
}
