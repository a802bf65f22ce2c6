using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Npgsql;
using Xunit.Abstractions;

namespace Koostoo.Host.Tests;

/// <summary>
/// Two host processes on different ports over one PostgreSQL database, started together, sharing Hangfire's work: a
/// thousand timers and a thousand answers spread over both, and the counts prove each happened exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TwoHostsTests(PostgresFixture postgres, ITestOutputHelper output) : IDisposable
{
    private const int Networks = 10;
    private const int MembersEach = 100;
    private const int Timers = 1000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string AskDefinition = """
        { "id": "ask-all", "name": "Üks küsimus",
          "activities": [
            { "id": "ask", "type": "AskMembers", "inputs": { "audience": ["members"], "question": "Kas osaled?",
              "fields": [ { "name": "join", "type": "yesNo", "label": "Osalen", "required": true } ], "quorum": "all", "deadline": "P7D" } },
            { "id": "after", "type": "WaitForSignal", "inputs": { "signal": "next" } } ],
          "connections": [ { "from": "ask", "outcome": "Done", "to": "after" } ] }
        """;

    private const string TimerDefinition = """
        { "id": "at-once", "name": "Ühel hetkel",
          "activities": [ { "id": "wait", "type": "StartAt", "inputs": { "at": "input.at" } }, { "id": "end", "type": "Finish" } ],
          "connections": [ { "from": "wait", "outcome": "Done", "to": "end" } ] }
        """;

    [GeneratedRegex(@"https?://[^/\s]+(/r/[A-Za-z0-9_-]{43})")]
    private static partial Regex Link();

    private async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> AnswerAsync(Uri host, string link)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host };
        var page = await browser.GetStringAsync(link);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var bookmark = Regex.Match(page, "name=\"b\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await browser.PostAsync(link, new FormUrlEncodedContent([
            KeyValuePair.Create("join", "yes"), KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("b", bookmark)]));
        return posted.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task Two_hosts_share_a_thousand_timers_and_a_thousand_answers_each_happening_exactly_once()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        _folder.CopyWorkflows();
        var settings = new Dictionary<string, string>
        {
            ["Koostoo:Database:Provider"] = "Postgres",
            ["Koostoo:Database:ConnectionString"] = database,
            ["Koostoo:Mail:PickupFolder"] = _folder["mail"],
        };
        // Started together: both migrate and import at once, and the start-up lock makes them take turns.
        await using var first = HostProcess.Start(_folder.Path, _folder["unused.db"], settings);
        await using var second = HostProcess.Start(_folder.Path, _folder["unused.db"], settings);
        await Task.WhenAll(first.WaitUntilReadyAsync(TimeSpan.FromMinutes(1)), second.WaitUntilReadyAsync(TimeSpan.FromMinutes(1)));
        Uri[] hosts = [new(first.Url), new(second.Url)];
        using var api = KoostooApp.AsStaff(new HttpClient { BaseAddress = hosts[0] });
        foreach (var (json, id) in new[] { (AskDefinition, "ask-all"), (TimerDefinition, "at-once") })
        {
            (await api.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            (await api.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
        }
        (await CountAsync(database, "SELECT COUNT(*) FROM definition_versions WHERE \"DefinitionId\" = 'ask-all'")).Should().Be(1);

        // A thousand timers due at one moment, started half through each host.
        var at = DateTimeOffset.UtcNow.AddSeconds(25).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(Enumerable.Range(0, Timers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var client = KoostooApp.AsStaff(new HttpClient { BaseAddress = hosts[i % 2] });
            (await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "at-once", input = new { at } }, ct)).EnsureSuccessStatusCode();
        });

        // Ten networks of a hundred, launched on either host; the mail is delivered by whichever host's worker takes it.
        for (var n = 0; n < Networks; n++)
        {
            using var client = KoostooApp.AsStaff(new HttpClient { BaseAddress = hosts[n % 2] });
            var launched = await client.PostAsJsonAsync("/api/networks", new
            {
                name = $"Võrgustik {n}", purpose = "Mõõta", coordinatorName = "Kati Kask", coordinatorEmail = "kati@vald.example", definitionId = "ask-all",
                members = Enumerable.Range(0, MembersEach).Select(i => new { name = $"Liige {i}", email = $"m{n}-{i}@kool.example", sector = "Education" }),
            });
            launched.StatusCode.Should().Be(HttpStatusCode.Created, await launched.Content.ReadAsStringAsync());
        }
        var until = DateTime.UtcNow.AddSeconds(60);
        string[] files = [];
        while ((files = Directory.Exists(_folder["mail"]) ? Directory.GetFiles(_folder["mail"], "*.eml") : []).Length < Networks * MembersEach && DateTime.UtcNow < until)
            await Task.Delay(200);
        var links = files.Select(f => Link().Match(MimeMessage.Load(f).TextBody ?? "").Groups[1].Value).Where(l => l != "").ToList();
        links.Should().HaveCount(Networks * MembersEach);

        // Every member answers, as a browser does, through one host or the other.
        var saved = 0;
        await Parallel.ForEachAsync(links.Select((link, i) => (link, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (answer, _) =>
        {
            if (await AnswerAsync(hosts[answer.i % 2], answer.link)) Interlocked.Increment(ref saved);
        });
        saved.Should().Be(Networks * MembersEach);

        until = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync(database, "SELECT COUNT(*) FROM workflow_instances WHERE \"DefinitionId\" = 'at-once' AND \"Status\" = 'Finished'") < Timers && DateTime.UtcNow < until)
            await Task.Delay(200);

        long Count(string sql) => CountAsync(database, sql).GetAwaiter().GetResult();
        Count("SELECT COUNT(*) FROM workflow_instances WHERE \"DefinitionId\" = 'at-once' AND \"Status\" = 'Finished'").Should().Be(Timers, "every timer fired");
        Count("SELECT COUNT(*) FROM journal WHERE \"Event\" = 'Resumed' AND \"ActivityId\" = 'wait'").Should().Be(Timers, "each timer fired once");
        Count("SELECT COUNT(*) FROM step_requests WHERE \"Answer\" IS NOT NULL").Should().Be(Networks * MembersEach);
        Count("SELECT COUNT(*) FROM journal WHERE \"Event\" = 'Resumed' AND \"ActivityId\" = 'ask'").Should().Be(Networks * MembersEach, "each answer counted once");
        Count("SELECT COUNT(*) FROM journal WHERE \"Event\" = 'Completed' AND \"ActivityId\" = 'ask'").Should().Be(Networks, "each step closed once");
        Count("SELECT COUNT(*) FROM journal WHERE \"Event\" = 'Started' AND \"ActivityId\" = 'after'").Should().Be(Networks, "each next step started once");
        Count("SELECT COUNT(*) FROM outbox WHERE \"ActivityId\" = 'ask'").Should().Be(Networks * MembersEach, "each request mail queued once");
        Count("SELECT COUNT(*) FROM outbox WHERE \"ActivityId\" = 'ask' AND \"Status\" = 'Sent' AND \"Attempts\" = 1").Should().Be(Networks * MembersEach, "each sent once");
        var lateness = Count("SELECT CAST(EXTRACT(EPOCH FROM MAX(j.\"At\") - MIN(b.\"DueAt\")) * 1000 AS bigint) FROM journal j JOIN bookmarks b ON b.\"InstanceId\" = j.\"InstanceId\" WHERE j.\"Event\" = 'Resumed' AND j.\"ActivityId\" = 'wait'");
        output.WriteLine($"the last of {Timers} timers fired {lateness} ms after their moment, with the load at {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}
