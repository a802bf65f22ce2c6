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
            ["Koostoo:DataProtection:KeysFolder"] = folder["keys"],
            ["Koostoo:Mail:FromAddress"] = "koostoo@vald.example",
            // Small back-off so that retries happen within a test.
            ["Koostoo:Mail:Retry:BaseDelay"] = "00:00:00.200",
            ["Koostoo:Mail:Retry:MaxDelay"] = "00:00:01",
            // Every member of a test answers from this one machine; the tests of the limits set their own.
            ["Koostoo:RateLimits:Links:PermitLimit"] = "1000000",
            ["Koostoo:RateLimits:SignIn:PermitLimit"] = "1000000",
            // The staff user every client of a test is unless it asks otherwise: the first admin (both roles), made at start,
            // with a key for the API and the pages (docs/accounts.md, "Tests").
            ["Koostoo:Bootstrap:AdminEmail"] = StaffEmail,
            ["Koostoo:Bootstrap:AdminPassword"] = StaffPassword,
            ["Koostoo:Bootstrap:AdminApiKey"] = StaffKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public TempFolder Folder { get; }

    public const string StaffEmail = "staff@vald.example";
    public const string StaffPassword = "Test-only password of the first admin";
    public const string StaffKey = "koostoo_test-only-key-of-the-first-admin-0123456789";

    /// <summary>The header that makes a client or a browser page the test's staff user.</summary>
    public static readonly Dictionary<string, string> StaffHeaders = new() { ["Authorization"] = $"Bearer {StaffKey}" };

    /// <summary>Makes the client the test's staff user (an admin and coordinator), by the first admin's API key.</summary>
    public static HttpClient AsStaff(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StaffKey);
        return client;
    }

    /// <summary>Every client made by the factory is the staff user unless made by <see cref="CreateAnonymousClient"/>.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        AsStaff(client);
    }

    /// <summary>A client nobody signed in to: a member, a stranger, a browser before sign-in. Keeps cookies, follows no redirect.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_environment is not null) builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// <summary>
    /// A staff account made through the service as the admin page makes it (password given, so that a test can sign in
    /// with it); returns its id.
    /// </summary>
    public async Task<string> CreateStaffAsync(string email, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var (user, _) = await scope.ServiceProvider.GetRequiredService<Koostoo.Service.Accounts.StaffAccounts>()
            .CreateAsync(Koostoo.Service.Access.Actor.System("test"), email, roles, password);
        return user.Id;
    }

    /// <summary>An API key for an account, as its owner makes one on the keys page.</summary>
    public async Task<string> CreateKeyAsync(string userId, string name = "test")
    {
        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<Koostoo.Service.Accounts.ApiKeys>()
            .CreateAsync(Koostoo.Service.Access.Actor.System("test"), userId, name);
        return secret;
    }

    /// <summary>A coordinator (a new account with the Coordinator role) calling by API key: "coordinator A" or "B" of a test.</summary>
    public async Task<HttpClient> CoordinatorClientAsync(string email)
    {
        var id = await CreateStaffAsync(email, "A coordinator's long password", Koostoo.Service.Access.StaffRoles.Coordinator);
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await CreateKeyAsync(id));
        return client;
    }

    /// <summary>
    /// Signs a new anonymous client in through the sign-in page, as a person does (anti-forgery token, password); the
    /// client keeps the session cookie. Returns the sign-in's response (a redirect when it worked).
    /// </summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string email, string password)
    {
        var client = CreateAnonymousClient();
        return (client, await SignInAsync(client, email, password));
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
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
