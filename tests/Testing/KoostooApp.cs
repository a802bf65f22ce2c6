using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Koostoo.Activities.Email;
using Koostoo.Service.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Testing;

/// <summary>
/// The real host (Program) over a temporary folder: its own SQLite file, the repository's workflows copied in,
/// Pickup mail into the folder unless the test says otherwise. Settings override appsettings as environment
/// variables would.
/// </summary>
public sealed class KoostooApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string? _environment;

    /// <param name="services">Replacements for the host's services (a scripted mail transport).</param>
    /// <param name="environment">The host's environment; Production shows errors as a user meets them.</param>
    public KoostooApp(TempFolder folder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        string? environment = null)
    {
        _services = services;
        _environment = environment;
        Folder = folder;
        // A host started again over the same folder keeps the workflows a test changed there.
        var workflows = Directory.Exists(folder.Workflows) ? folder.Workflows : folder.CopyWorkflows();
        _settings = new Dictionary<string, string?>
        {
            ["Koostoo:Database:ConnectionString"] = $"Data Source={folder["koostoo.db"]}",
            ["Koostoo:Workflows:Folder"] = workflows,
            ["Koostoo:Mail:PickupFolder"] = folder["mail"],
            ["Koostoo:Mail:FromAddress"] = "koostoo@vald.example",
            // Small back-off so that retries happen within a test.
            ["Koostoo:Mail:Retry:BaseDelay"] = "00:00:00.200",
            ["Koostoo:Mail:Retry:MaxDelay"] = "00:00:01",
            // Every member of a test answers from this one machine; the tests of the limits set their own.
            ["Koostoo:RateLimits:Links:PermitLimit"] = "1000000",
            ["Koostoo:RateLimits:SignIn:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public TempFolder Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_environment is not null) builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public async Task<Guid> StartAsync(HttpClient client, string definitionId, object input)
    {
        var response = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId, input });
        response.EnsureSuccessStatusCode();
        var instance = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return instance["id"]!.GetValue<Guid>();
    }

    /// <summary>
    /// Launches a network "Kooli võrgustik" led by Kati Kask (kati@vald.example) on a published definition, with members
    /// (name, email, language); returns its workflow instance. Mail reaches only a network's people, so a workflow that mails
    /// runs in one.
    /// </summary>
    public async Task<Guid> LaunchAsync(HttpClient client, string definitionId, params (string Name, string Email, string Language)[] members)
    {
        var response = await client.PostAsJsonAsync("/api/networks", new
        {
            name = "Kooli võrgustik",
            purpose = "Vähendada koolist väljalangemist vallas",
            coordinatorName = "Kati Kask",
            coordinatorEmail = "kati@vald.example",
            definitionId,
            members = members.Select(m => new { name = m.Name, email = m.Email, language = m.Language, sector = "Education" }),
        });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["workflowInstanceId"]!.GetValue<Guid>();
    }

    /// <summary>
    /// The mail the Pickup transport delivered so far, oldest first: what members find in their mailboxes. The outbox keeps
    /// no working link once a mail is sent, so tests take links from here, as members do.
    /// </summary>
    public List<MimeKit.MimeMessage> DeliveredMail()
    {
        var folder = _settings["Koostoo:Mail:PickupFolder"]!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeKit.MimeMessage.Load(f)).ToList()
            : [];
    }

    public async Task<List<OutboxMessage>> OutboxAsync(Guid? instanceId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
        return await db.Outbox.AsNoTracking().Where(m => instanceId == null || m.InstanceId == instanceId).ToListAsync();
    }

    /// <summary>Polls the outbox (of one instance, or all of it) until the condition holds; fails with the rows' states when it does not in time.</summary>
    public async Task<List<OutboxMessage>> WaitForOutboxAsync(Guid? instanceId, Func<List<OutboxMessage>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = await OutboxAsync(instanceId);
            if (condition(rows)) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The outbox did not get there in {timeout}: " +
                    string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")) +
                    $"; last errors: {string.Join(" | ", rows.Select(r => r.LastError).Where(e => e is not null).Distinct().Take(3))}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the host's background work is done: no Hangfire job enqueued or running, none scheduled to run in the
    /// next seconds, and no outbox row pending. A test that asserts that nothing more was sent waits for this, not a sleep.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan timeout)
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var soon = DateTime.UtcNow.AddSeconds(5);
            var quiet = monitoring.ProcessingCount() == 0
                && monitoring.Queues().All(q => q.Length == 0)
                && monitoring.ScheduledJobs(0, 10_000).All(j => j.Value.EnqueueAt > soon)
                && (await OutboxAsync()).All(m => m.Status != OutboxStatus.Pending);
            if (quiet) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The host still had background work after {timeout}.");
            await Task.Delay(100);
        }
    }
}
