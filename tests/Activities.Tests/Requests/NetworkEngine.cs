using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Workflows;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Scheduling;
using Koostoo.Workflows.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koostoo.Activities.Tests.Requests;

/// <summary>
/// The engine with the activities over a network's database (a SQLite file in a temporary folder), on a fake clock,
/// without the service or a web host: a network is seeded with its workflow, and people answer, the coordinator
/// commands and timers fire through the runtime, as the service would make them. Mail is what lands in the outbox.
/// </summary>
public sealed class NetworkEngine : IAsyncDisposable
{
    public const string CoordinatorEmail = "kati@vald.example";

    /// <summary>A Monday morning in Tallinn (UTC+3 in summer), inside working hours: nothing waits for quiet hours to end.</summary>
    public static readonly DateTimeOffset Start = new(2030, 6, 3, 6, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("koostoo-network-").FullName;
    private readonly ServiceProvider _services;

    public NetworkEngine()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddDbContext<NetworkDbContext>(o => new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "k.db")}" }.Configure(o));
        services.AddScoped<WorkflowDbContext>(s => s.GetRequiredService<NetworkDbContext>());
        services.AddSingleton<IMailDelivery>(Delivery);
        services.AddWorkflowEngine(typeof(AskMembers).Assembly);
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<NetworkDbContext>().Database.EnsureCreated();
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public RecordingDelivery Delivery { get; } = new();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public Guid NetworkId { get; private set; }
    public Guid InstanceId { get; private set; }

    public static string Email(int i) => $"liige{i}@kool.example";

    /// <summary>Publishes the definition as the start-up import does: a changed one becomes the next version.</summary>
    public async Task PublishAsync(string definition)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(definition);
    }

    /// <summary>Moves the network's instance from version 1 to 2, as an admin would (<see cref="VersionMigrator"/>).</summary>
    public Task<InstanceMigration> MigrateAsync(string definitionId, Dictionary<string, string>? byHand = null) =>
        _services.GetRequiredService<VersionMigrator>().MigrateAsync(new MigrationOrder(InstanceId, definitionId, 1, 2, byHand ?? [], "Anne Admin", DryRun: false));

    /// <summary>Publishes the definition and starts it for a network of <paramref name="members"/> people (the first in English); <paramref name="seed"/> adds rows the first step reads.</summary>
    public async Task<WorkflowInstance> LaunchAsync(string definition, int members, Action<NetworkDbContext, Network>? seed = null)
    {
        await PublishAsync(definition);
        var network = new Network
        {
            Name = "Kooli võrgustik",
            Purpose = "Vähendada koolist väljalangemist vallas",
            CoordinatorName = "Kati Kask",
            CoordinatorEmail = CoordinatorEmail,
            CreatedAt = Time.GetUtcNow(),
            Members = Enumerable.Range(1, members).Select(i => new Member
            {
                Name = $"Liige {i}",
                Email = Email(i),
                Language = i == 1 ? "en" : "et",
                AddedAt = Time.GetUtcNow().AddSeconds(i),
            }).ToList(),
        };
        NetworkId = network.Id;
        var id = JsonNode.Parse(definition)!["id"]!.GetValue<string>();
        var instance = await Runtime.StartAsync(id, ct: default, prepare: (db, started) =>
        {
            network.WorkflowInstanceId = started.Id;
            var networkDb = (NetworkDbContext)db;
            networkDb.Networks.Add(network);
            seed?.Invoke(networkDb, network);
            return Task.CompletedTask;
        });
        InstanceId = instance.Id;
        return instance;
    }

    /// <summary>The person's answer through the bookmark of their latest request, as the answer page resumes it (a closed one's resumes nothing).</summary>
    public async Task<ResumeResult> AnswerAsync(string email, object answer, string? step = null)
    {
        var request = (await RequestsAsync()).Last(r => r.RespondentEmail == email && (step is null || r.ActivityId == step));
        return await Runtime.ResumeAsync(request.BookmarkId, new JsonObject { ["answer"] = System.Text.Json.JsonSerializer.SerializeToNode(answer) });
    }

    /// <summary>A coordinator's command on the step's command bookmark, as the service sends it.</summary>
    public async Task<ResumeResult> CommandAsync(string step, StepCommand command)
    {
        var bookmark = (await OpenBookmarksAsync()).Single(b => b.ActivityId == step && b.Key == PeopleStep.CommandKey);
        return await Runtime.ResumeAsync(bookmark.Id, command.ToStimulus());
    }

    /// <summary>Moves the clock on and fires every timer due by then, as the scheduler's sweep does.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return await _services.GetRequiredService<DueTimers>().FireAllDueAsync();
    }

    public Task<T> WithDbAsync<T>(Func<NetworkDbContext, Task<T>> query) => WithScopeAsync(query);

    public Task<List<OutboxMessage>> OutboxAsync() => WithScopeAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    public Task<List<StepRequest>> RequestsAsync() => WithScopeAsync(db => db.StepRequests.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync());

    public Task<List<Bookmark>> OpenBookmarksAsync() =>
        WithScopeAsync(db => db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == InstanceId && b.ConsumedAt == null).ToListAsync());

    public Task<List<JournalEntry>> JournalAsync() =>
        WithScopeAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == InstanceId).OrderBy(j => j.Id).ToListAsync());

    public Task<WorkflowInstance> InstanceAsync() => WithScopeAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == InstanceId));

    /// <summary>The outcome the step completed with, and how often the next one started: a step closes once.</summary>
    public async Task<(string? Outcome, int NextStarted)> ClosedAsync(string step, string next)
    {
        var journal = await JournalAsync();
        var completed = journal.Where(j => j.ActivityId == step && j.Event == JournalEvent.Completed).ToList();
        completed.Should().HaveCountLessThan(2, "a step closes once");
        return (completed.SingleOrDefault()?.Outcome, journal.Count(j => j.ActivityId == next && j.Event == JournalEvent.Started));
    }

    private async Task<T> WithScopeAsync<T>(Func<NetworkDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NetworkDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled connections keep the file open; they have to go before the folder can.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
