using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using MimeKit;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>
/// The host killed (SIGKILL) under a steady load of answers over HTTP and timers falling due, and started again: every
/// answer whose response said "saved" is there, no timer fired twice or was lost, and the step closes once. An answer is
/// answered "saved" only after the batch that carries it has committed.
/// </summary>
public sealed class AnswerCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Members = 240;
    private const int Timers = 200;
    private const string TimerDefinition = """
        { "id": "tick", "name": "Üks ootamine",
          "activities": [ { "id": "wait", "type": "Delay", "inputs": { "duration": "PT3S" } }, { "id": "end", "type": "Finish" } ],
          "connections": [ { "from": "wait", "outcome": "Done", "to": "end" } ] }
        """;

    private readonly TempFolder _folder = new();

    public Task InitializeAsync()
    {
        _folder.CopyWorkflows();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private HostProcess Start() => HostProcess.Start(_folder.Path, _folder["koostoo.db"], new Dictionary<string, string>
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

    private static async Task PublishAsync(HttpClient api, string json, string id)
    {
        (await api.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    /// <summary>A member's browser: opens the link, posts the form with its anti-forgery token. True when the host said saved.</summary>
    private static async Task<bool> AnswerAsync(Uri host, string link)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var (opened, _, form) = await AskScenario.OpenAsync(browser, link);
        if (opened.StatusCode != HttpStatusCode.OK || form is null) return false;
        var posted = await AskScenario.PostAsync(browser, link, form, ("join", "yes"), ("note", ""));
        return posted.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task A_host_killed_under_load_keeps_every_answer_it_said_was_saved_and_fires_each_timer_once()
    {
        Dictionary<string, string> links;
        await using (var first = Start())
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            using var api = KoostooApp.AsStaff(new HttpClient { BaseAddress = new Uri(first.Url) });
            await PublishAsync(api, AskScenario.Definition(), AskScenario.DefinitionId);
            await PublishAsync(api, TimerDefinition, "tick");
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
            links = Directory.GetFiles(_folder["mail"], "*.eml").Select(f => MimeMessage.Load(f))
                .ToDictionary(m => m.To.Mailboxes.Single().Address, m => AskScenario.LinkIn(m.TextBody ?? ""));
            links.Should().HaveCount(Members);

            // Timers falling due while the answers come in, and some of them after the kill.
            for (var i = 0; i < Timers; i++)
                (await api.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "tick", input = new { } })).EnsureSuccessStatusCode();

            // Eight browsers answer, one member after another, until the host dies under them.
            var saved = new ConcurrentBag<string>();
            var queue = new ConcurrentQueue<string>(links.Keys);
            var host = new Uri(first.Url);
            var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var member))
                {
                    try
                    {
                        if (await AnswerAsync(host, links[member])) saved.Add(member);
                    }
                    catch (HttpRequestException) { return; }
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();
            until = DateTime.UtcNow.AddSeconds(60);
            while (saved.Count < Members / 3 && DateTime.UtcNow < until) await Task.Delay(5);
            await first.KillAsync();
            await Task.WhenAll(load);

            var answered = Count("SELECT COUNT(*) FROM step_requests WHERE Answer IS NOT NULL");
            output.WriteLine($"{saved.Count} answers said saved before the kill; {answered} in the database");
            saved.Count.Should().BeInRange(1, Members - 1, "the host has to die part-way through the answers for this to test anything");
            foreach (var member in saved)
                Count($"SELECT COUNT(*) FROM step_requests WHERE RespondentEmail = '{member}' AND Answer IS NOT NULL")
                    .Should().Be(1, $"{member} was told the answer was saved");
        }

        // Started again, the rest of the members answer; what fell due while no host ran fires once.
        await using (var second = Start())
        {
            await second.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            var host = new Uri(second.Url);
            var answeredBefore = Count("SELECT COUNT(*) FROM step_requests WHERE Answer IS NOT NULL");
            var left = links.Where(l => Count($"SELECT COUNT(*) FROM step_requests WHERE RespondentEmail = '{l.Key}' AND Answer IS NOT NULL") == 0).ToList();
            left.Should().HaveCount(Members - (int)answeredBefore);
            await Parallel.ForEachAsync(left, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (l, _) =>
                (await AnswerAsync(host, l.Value)).Should().BeTrue($"{l.Key} answers after the restart"));
            var until = DateTime.UtcNow.AddSeconds(60);
            while (Count("SELECT COUNT(*) FROM workflow_instances WHERE DefinitionId = 'tick' AND Status = 'Finished'") < Timers && DateTime.UtcNow < until)
                await Task.Delay(100);
        }

        Count("SELECT COUNT(*) FROM step_requests WHERE Answer IS NOT NULL").Should().Be(Members);
        Count("SELECT COUNT(*) FROM journal WHERE Event = 'Resumed' AND ActivityId = 'ask'").Should().Be(Members, "each answer resumed its step once");
        Count("SELECT COUNT(*) FROM journal WHERE Event = 'Completed' AND ActivityId = 'ask'").Should().Be(1, "the step closed once");
        Count("SELECT COUNT(*) FROM journal WHERE Event = 'Started' AND ActivityId = 'after'").Should().Be(1, "the next step started once");
        Count("SELECT COUNT(*) FROM workflow_instances WHERE DefinitionId = 'tick' AND Status = 'Finished'").Should().Be(Timers, "every timer fired");
        Count("SELECT COUNT(*) FROM journal WHERE Event = 'Resumed' AND ActivityId = 'wait'").Should().Be(Timers, "each timer fired once");
    }
}
