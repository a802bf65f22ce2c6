using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.PostgreSql;
using Koostoo.Host.Persistence;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Host.Tests;

/// <summary>
/// The real host configured for PostgreSQL: its migrations applied at start, Hangfire on PostgreSQL storage in the same
/// database, timers fired by that Hangfire in real time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresFixture postgres) : IAsyncLifetime
{
    private KoostooHost _host = null!;

    public async Task InitializeAsync() => _host = KoostooHost.OverPostgres(await postgres.Server.CreateDatabaseAsync());

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    private async Task PublishAsync(string json)
    {
        (await _host.Client.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        (await _host.Client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    private async Task<T> QueryAsync<T>(Func<KoostooDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KoostooDbContext>());
    }

    [Fact]
    public async Task Start_applies_the_postgres_migrations_and_a_two_second_delay_completes()
    {
        (await _host.Client.GetAsync("/health")).EnsureSuccessStatusCode();
        (await QueryAsync(db => Task.FromResult(db))).Should().BeOfType<PostgresKoostooDbContext>();
        var applied = await QueryAsync(db => db.Database.GetAppliedMigrationsAsync());
        applied.Should().Equal(await QueryAsync(db => Task.FromResult(db.Database.GetMigrations())), "start-up applied every PostgreSQL migration");
        _host.Services.GetRequiredService<JobStorage>().Should().BeOfType<PostgreSqlStorage>();

        await PublishAsync(Flow("two-seconds", [Act("wait", "Delay", new { duration = "PT2S" }), Act("end", "Finish")], [Link("wait", "end")]));
        var started = await (await _host.Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "two-seconds" })).Content.ReadFromJsonAsync<JsonObject>();
        var id = started!["id"]!.GetValue<string>();
        started["status"]!.GetValue<string>().Should().Be("Suspended");

        var instance = await TimerTests.PollAsync(async () => await _host.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"),
            i => i!["status"]!.GetValue<string>() == "Finished", TimeSpan.FromSeconds(30));

        var waited = instance!["finishedAt"]!.GetValue<DateTimeOffset>() - instance["createdAt"]!.GetValue<DateTimeOffset>();
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "a timer never fires early");
    }

    [Fact]
    public async Task Two_hundred_timers_due_at_the_same_moment_all_fire_each_exactly_once()
    {
        const int count = 200;
        await PublishAsync(Flow("same-moment", [Act("at", "StartAt", new { at = "variables.at" }), Act("end", "Finish")], [Link("at", "end")]));
        var runtime = _host.Services.GetRequiredService<WorkflowRuntime>();
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(8);
        // Given with a non-zero offset on purpose: what reaches PostgreSQL must be UTC all the same.
        var input = new JsonObject { ["at"] = dueAt.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz") };

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (_, ct) => await runtime.StartAsync("same-moment", input, ct));

        // Hangfire's jobs and two sweeps race for the same timers: the bookmark decides who wins.
        await Task.Delay(dueAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _host.Services.GetRequiredService<DueTimers>().FireAllDueAsync()));

        await TimerTests.PollAsync(() => QueryAsync(db => db.Instances.CountAsync(i => i.Status == InstanceStatus.Finished)), n => n == count, TimeSpan.FromMinutes(1));
        var resumed = await QueryAsync(db => db.Journal.Where(j => j.Event == JournalEvent.Resumed).GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync());
        resumed.Should().HaveCount(count, "every instance waited on its timer and was resumed by it").And.OnlyContain(n => n == 1);
    }
}
