using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Koostoo.Networks.Members;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Koostoo.Benchmarks;

/// <summary>
/// One run of the figures the scale issue asks for, written to docs/benchmarks.md: each figure beside its floor measured
/// in the same run (an EF Core read-modify-write transaction on the same database; GET /health over the same HTTP
/// client), and the machine's load beside them. The real host as a process over SQLite, driven over HTTP as browsers do.
/// </summary>
public static partial class ReportBenchmark
{
    private const string Definition = """
        { "id": "bench-ask", "name": "Benchmark: one question",
          "activities": [
            { "id": "ask", "type": "AskMembers", "inputs": { "audience": ["members"], "question": "Kas osaled?",
              "fields": [ { "name": "join", "type": "yesNo", "label": "Osalen", "required": true } ], "deadline": "P7D" } },
            { "id": "after", "type": "WaitForSignal", "inputs": { "signal": "next" } } ],
          "connections": [ { "from": "ask", "outcome": "Done", "to": "after" } ] }
        """;

    [GeneratedRegex(@"https?://[^/\s]+(/r/[A-Za-z0-9_-]{43})")]
    private static partial Regex Link();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("name=\"b\" value=\"([^\"]+)\"")]
    private static partial Regex FormBookmark();

    private sealed record Row(string What, string Figure, string Floor, string Aim, string Load);

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public static async Task RunAsync(string[] args)
    {
        // 10,000 networks, as the RSS aim asks: their launches take about seven of the report's fifteen to twenty minutes on two cores.
        var networks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var output = args.Length > 1 ? args[1] : Path.Combine(Repository.Root, "docs", "benchmarks.md");
        var mode = args.Length > 2 ? args[2] : "";
        // "unbatched": the HTTP figures alone with Koostoo:Batches:Enabled=false, one transaction per resume as before batching.
        var unbatched = mode == "unbatched";
        // "http-postgres": the HTTP figures over PostgreSQL alone, with what follows added to the host's connection string
        // (for comparing Npgsql settings, e.g. "Maximum Pool Size=20").
        var postgresOnly = mode == "http-postgres";
        // "http" (and the two above): the HTTP figures alone, printed, nothing written: for comparing a change minutes apart.
        var httpOnly = unbatched || postgresOnly || mode == "http";
        var rows = new List<Row>();
        if (postgresOnly) await PostgresFiguresAsync(networks, rows, args.Length > 3 ? args[3] : null);
        else await HttpFiguresAsync(networks, rows, unbatched);
        if (httpOnly)
        {
            foreach (var row in rows) Console.WriteLine($"{row.What}: {row.Figure} (floor {row.Floor}; load {row.Load})");
            return;
        }

        // The same HTTP figures over PostgreSQL, on a server of its own on this machine, with fewer networks: its launches
        // are not what is compared, and the figures that are do not grow with the data (scale.md).
        var postgresRows = new List<Row>();
        var postgresNetworks = Math.Min(networks, PostgresNetworks);
        await PostgresFiguresAsync(postgresNetworks, postgresRows);

        var (first, last, fired) = await TimerBenchmark.TimersDueAtOnceAsync(10_000);
        rows.Add(new("10,000 timers due at one moment: first / last fired after the moment", $"{first:F2} s / {last:F2} s ({fired:N0} fired)", "", "last within 5 s", Load()));
        var (empty, pending) = await TimerBenchmark.StartupWithPendingTimersAsync(100_000);
        rows.Add(new("start to ready (`/health` answers), 100,000 pending timers (median of 3)", $"{pending:F2} s", $"{empty:F2} s with an empty database", "within 1 s", Load()));
        // The same two with the host published as docs/operations.md has a server run it: its code compiled ahead of time,
        // where the build's runs unoptimised until the JIT has compiled it again.
        using (var published = await PublishedHost.ReadyToRunAsync())
        {
            var (publishedFirst, publishedLast, publishedFired) = await TimerBenchmark.TimersDueAtOnceAsync(10_000, published.HostDll);
            rows.Add(new("10,000 timers due at one moment, the host published ReadyToRun", $"{publishedFirst:F2} s / {publishedLast:F2} s ({publishedFired:N0} fired)", "", "last within 5 s", Load()));
            var (publishedEmpty, publishedPending) = await TimerBenchmark.StartupWithPendingTimersAsync(100_000, published.HostDll);
            rows.Add(new("start to ready, 100,000 pending timers, the host published ReadyToRun (median of 3)", $"{publishedPending:F2} s", $"{publishedEmpty:F2} s with an empty database", "within 1 s", Load()));
        }

        var text = new StringBuilder();
        text.AppendLine("# Benchmarks: one run");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run -c Release --project tests/Benchmarks -- report` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite, the real host as a process driven over HTTP from the same machine (client and server share the cores). The load column is the machine's one-minute load average when the figure was taken: read figures taken under load as lower bounds. What limits the aims not reached: [scale.md](scale.md).");
        text.AppendLine();
        AppendTable(text, rows, withAims: true);
        text.AppendLine();
        text.AppendLine("## PostgreSQL");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The same HTTP figures in the same run, with the host over a PostgreSQL server on the same machine (its own cluster, default settings) and {postgresNetworks:N0} networks. The timer and start-up figures are SQLite's; PostgreSQL's resumes are in `tests/Benchmarks -- resumes`.");
        text.AppendLine();
        // The aims are SQLite's: PostgreSQL is here to be compared with it.
        AppendTable(text, postgresRows, withAims: false);
        await File.WriteAllTextAsync(output, text.ToString());
        Console.WriteLine(text);
        Console.WriteLine($"Written to {output}");
    }

    private static void AppendTable(StringBuilder text, List<Row> rows, bool withAims)
    {
        string Line(params string[] cells) => $"| {string.Join(" | ", withAims ? cells : cells.Where((_, i) => i != 3))} |";
        text.AppendLine(Line("what", "figure", "floor, same run", "aim", "load"));
        text.AppendLine(Line("---", "---", "---", "---", "---"));
        foreach (var row in rows) text.AppendLine(Line(row.What, row.Figure, row.Floor, row.Aim, row.Load));
    }

    private const int PostgresNetworks = 2_000;

    /// <summary>The HTTP figures with the host over a database of its own on a PostgreSQL server of its own.</summary>
    /// <param name="settings">Npgsql settings added to the host's connection string, or null.</param>
    private static async Task PostgresFiguresAsync(int networks, List<Row> rows, string? settings = null)
    {
        await using var server = await PostgresServer.StartAsync();
        var connection = await server.CreateDatabaseAsync() + (settings is null ? "" : ";" + settings);
        await HttpFiguresAsync(networks, rows, unbatched: false, postgres: connection);
    }

    /// <param name="postgres">A PostgreSQL connection string for the host, or null for a SQLite file of its own.</param>
    private static async Task HttpFiguresAsync(int networks, List<Row> rows, bool unbatched, string? postgres = null)
    {
        var folder = Directory.CreateTempSubdirectory("koostoo-bench-").FullName;
        var database = Path.Combine(folder, "koostoo.db");
        Directory.CreateDirectory(Path.Combine(folder, "workflows"));
        var settings = new Dictionary<string, string>
        {
            ["Koostoo:Mail:PickupFolder"] = Path.Combine(folder, "mail"),
            ["Koostoo:Batches:Enabled"] = unbatched ? "false" : "true",
        };
        if (postgres is not null)
        {
            settings["Koostoo:Database:Provider"] = nameof(DatabaseProvider.Postgres);
            settings["Koostoo:Database:ConnectionString"] = postgres;
        }
        await using (var host = HostProcess.Start(folder, database, settings))
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            // The API as the test set-up's first admin (its key); members answer by their links, signed in as nobody.
            using var http = KoostooApp.AsStaff(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false }) { BaseAddress = new Uri(host.Url) });
            // Members' requests carry no key, and neither do their floors: a key is checked against the database on
            // every request (its user and roles), which halved the member figures when they were sent with one.
            using var member = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false }) { BaseAddress = new Uri(host.Url) };
            (await http.PostAsync("/api/workflow-definitions", new StringContent(Definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            (await http.PostAsync("/api/workflow-definitions/bench-ask/publish", null)).EnsureSuccessStatusCode();

            // Launches: networks of ten, eight at a time.
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, networks), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
                (await http.PostAsJsonAsync("/api/networks", new
                {
                    name = $"Võrgustik {n}", purpose = "Mõõtmine", coordinatorName = "Kati", coordinatorEmail = "kati@bench.example", definitionId = "bench-ask",
                    members = Enumerable.Range(0, 10).Select(i => new { name = $"Liige {i}", email = $"m{n}-{i}@bench.example", sector = "Social" }),
                }, ct)).EnsureSuccessStatusCode());
            var lastLaunch = clock.Elapsed;
            var launches = networks / lastLaunch.TotalSeconds;
            var health8 = await RateAsync(http, 8, TimeSpan.FromSeconds(3), async c => (await c.GetAsync("/health")).EnsureSuccessStatusCode());
            rows.Add(new("launches per second (networks of ten, 8 clients, API key)", $"{launches:N0}/s", $"GET /health with the key {health8:N0}/s", "", Load()));
            rows.Add(new($"RSS of the host with {networks:N0} active networks ({networks * 10:N0} waiting requests), just after the last launch", $"{host.ResidentBytes() / 1048576.0:N0} MB", "", "below 300 MB with 10,000", Load()));

            // The figures below are taken once the launches' mail is out, not while its delivery still shares the cores.
            var arrived = await MailArrivedAsync(Path.Combine(folder, "mail"), networks * 10);
            var delivered = (clock.Elapsed - lastLaunch).TotalSeconds;
            rows.Add(new("the launches' invitations all delivered (to the pickup folder) after the last launch", arrived >= networks * 10
                ? $"{delivered:F0} s" : $"{arrived:N0} of {networks * 10:N0} after {delivered:F0} s", "", "", Load()));
            // The sample above is taken in the burst, with the launches' mail still queued; this one in the steady state after it.
            rows.Add(new($"RSS of the host with the same networks once their invitations are out", $"{host.ResidentBytes() / 1048576.0:N0} MB", "", "below 300 MB with 10,000", Load()));
            var links = Links(Path.Combine(folder, "mail"));
            var next = 0;
            string? Take() => Interlocked.Increment(ref next) is var n && n <= links.Count ? links[n - 1] : null;

            foreach (var clients in new[] { 1, 8 })
            {
                var got = 0;
                var used = host.ProcessorTime();
                var gets = await RateAsync(member, clients, TimeSpan.FromSeconds(3), async c =>
                {
                    (await c.GetAsync(links[Random.Shared.Next(links.Count)])).EnsureSuccessStatusCode();
                    Interlocked.Increment(ref got);
                });
                var each = CpuEach(host.ProcessorTime() - used, got, clients);
                var floor = await RateAsync(member, clients, TimeSpan.FromSeconds(3), async c => (await c.GetAsync("/health")).EnsureSuccessStatusCode());
                rows.Add(new($"form GETs per second (`GET /r/{{token}}`), {clients} client(s)", $"{gets:N0}/s{each}", $"GET /health {floor:N0}/s", "3,000/s", Load()));
            }

            var latencies = new List<double>();
            var gate = new object();
            await RateAsync(member, 100, TimeSpan.FromSeconds(5), async c =>
            {
                var started = Stopwatch.GetTimestamp();
                (await c.GetAsync(links[Random.Shared.Next(links.Count)])).EnsureSuccessStatusCode();
                lock (gate) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });
            latencies.Sort();
            var healthLatencies = new List<double>();
            await RateAsync(member, 100, TimeSpan.FromSeconds(3), async c =>
            {
                var started = Stopwatch.GetTimestamp();
                (await c.GetAsync("/health")).EnsureSuccessStatusCode();
                lock (gate) healthLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });
            healthLatencies.Sort();
            rows.Add(new("request page at 100 clients: p50 / p99", $"{Percentile(latencies, 0.5):F1} ms / {Percentile(latencies, 0.99):F1} ms",
                $"GET /health {Percentile(healthLatencies, 0.5):F1} ms / {Percentile(healthLatencies, 0.99):F1} ms", "p99 below 50 ms", Load()));

            var budget = links.Count;
            foreach (var (clients, seconds) in new[] { (1, 4), (8, 5), (64, 5) })
            {
                var answered = 0;
                var used = host.ProcessorTime();
                var answers = await RateAsync(member, clients, TimeSpan.FromSeconds(seconds), async _ =>
                {
                    if (Take() is { } link && await AnswerAsync(host.Url, link, CancellationToken.None)) Interlocked.Increment(ref answered);
                }, count: () => answered, exhausted: () => Volatile.Read(ref next) >= budget);
                var each = CpuEach(host.ProcessorTime() - used, answered, clients);
                var floor = await RateAsync(member, clients, TimeSpan.FromSeconds(2), async c => (await c.GetAsync("/health")).EnsureSuccessStatusCode());
                rows.Add(new($"answers per second over HTTP as a browser sends them (GET form, POST with anti-forgery), {clients} client(s)", $"{answers:N0}/s{each}",
                    $"GET /health {floor:N0}/s", clients >= 8 ? "1,500/s" : "", Load()));
            }

            var raw = postgres is null
                ? await RawReadModifyWriteAsync<SqliteKoostooDbContext>(new DatabaseOptions { ConnectionString = $"Data Source={database}" }, 3_000)
                : await RawReadModifyWriteAsync<PostgresKoostooDbContext>(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres }, 3_000);
            rows.Insert(0, new("EF Core read-modify-write transactions, one at a time, same database (the floor under every write)", $"{raw:N0}/s", "", "", Load()));
        }
        // Start-up must not grow with the data: the same host started again over everything the run left behind.
        var restart = Stopwatch.StartNew();
        await using (var again = HostProcess.Start(folder, database, settings))
        {
            await again.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
            rows.Add(new($"start to ready (`/health` answers) over the run's {networks:N0} networks", $"{restart.Elapsed.TotalSeconds:F2} s", "", "within 1 s", Load()));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Runs <paramref name="work"/> from <paramref name="clients"/> loops for <paramref name="duration"/>; returns completions per second.</summary>
    private static async Task<double> RateAsync(HttpClient http, int clients, TimeSpan duration, Func<HttpClient, Task> work,
        Func<int>? count = null, Func<bool>? exhausted = null)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && !(exhausted?.Invoke() ?? false))
            {
                await work(http);
                Interlocked.Increment(ref done);
            }
        })));
        return (count?.Invoke() ?? done) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A member's browser: GET the form (its anti-forgery cookie and token), POST the answer.</summary>
    private static async Task<bool> AnswerAsync(string host, string link, CancellationToken ct)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host) };
        var page = await browser.GetStringAsync(link, ct);
        var token = AntiForgery().Match(page).Groups[1].Value;
        if (token == "") return false;
        var posted = await browser.PostAsync(link, new FormUrlEncodedContent([
            KeyValuePair.Create("join", "yes"), KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("b", FormBookmark().Match(page).Groups[1].Value)]), ct);
        return posted.StatusCode == HttpStatusCode.Redirect;
    }

    /// <returns>How many mails are in the pickup folder: <paramref name="expected"/> or more, unless 15 minutes passed first.</returns>
    private static async Task<int> MailArrivedAsync(string mail, int expected)
    {
        var until = DateTime.UtcNow.AddMinutes(15);
        int Count() => Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml").Length : 0;
        while (Count() < expected && DateTime.UtcNow < until) await Task.Delay(2000);
        return Count();
    }

    private static List<string> Links(string mail)
    {
        var links = Directory.GetFiles(mail, "*.eml").Select(f => Link().Match(File.ReadAllText(f)).Groups[1].Value).Where(l => l != "").Distinct().ToList();
        // Answer one network after another's members in a shuffled order, as people do.
        return links.OrderBy(_ => Random.Shared.Next()).ToList();
    }

    /// <summary>
    /// The host's CPU time for each request, beside its rate: what a change saves, less moved by the machine's speed
    /// than the rate. Not at one client, where the thread pool's spinning between requests is most of it.
    /// </summary>
    private static string CpuEach(TimeSpan used, int done, int clients) =>
        clients > 1 && done > 0 ? $" ({used.TotalMilliseconds / done:F2} ms of the host's CPU each)" : "";

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <summary>The floor: read a member, change it, save it, commit; a pooled context each, as the host's own writes are.</summary>
    private static async Task<double> RawReadModifyWriteAsync<TContext>(DatabaseOptions database, int count) where TContext : KoostooDbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        database.Configure(options);
        var factory = new PooledDbContextFactory<TContext>(options.Options);
        List<Guid> ids;
        await using (var db = await factory.CreateDbContextAsync())
            ids = await db.Set<Member>().Select(m => m.Id).Take(count).ToListAsync();
        var clock = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var member = await db.Set<Member>().FirstAsync(m => m.Id == id);
            member.Phone = "5555 0000";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return ids.Count / clock.Elapsed.TotalSeconds;
    }
}
