using Hangfire;
using Hangfire.PostgreSql;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Host.Tests;

/// <summary>
/// The real host configured for PostgreSQL: its migrations applied at start, Hangfire on PostgreSQL storage in the same
/// database, timers fired by that Hangfire in real time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresFixture postgres) : IAsyncLifetime
{
    private KoostooHost _host = null!;
    private string _database = null!;

    public async Task InitializeAsync() => _host = KoostooHost.OverPostgres(_database = await postgres.Server.CreateDatabaseAsync());

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
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

        await TimerScenarios.TwoSecondDelayCompletesAsync(_host);
    }

    // Given with a non-zero offset on purpose: what reaches PostgreSQL must be UTC all the same.
    [Fact]
    public Task Two_hundred_timers_due_at_the_same_moment_all_fire_each_exactly_once() =>
        TimerScenarios.TimersDueAtOneMomentFireOnceAsync(_host, 200, margin: TimeSpan.FromSeconds(20), offset: TimeSpan.FromHours(2));

    [Fact]
    public async Task A_hundred_requests_at_once_all_get_their_answer_over_at_most_twenty_connections()
    {
        (await _host.Client.GetAsync("/health")).EnsureSuccessStatusCode();
        await using var watcher = new Npgsql.NpgsqlConnection(_database);
        await watcher.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", watcher);
        var most = 0L;
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) most = Math.Max(most, (long)(await count.ExecuteScalarAsync())!);
        });

        var clients = Enumerable.Range(0, 100).Select(_ => _host.Client).ToList();
        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(clients.Select(c => c.GetAsync("/api/workflow-definitions")));
            answers.Should().OnlyContain(a => a.IsSuccessStatusCode);
        }
        await stop.CancelAsync();
        await watching;

        most.Should().BeInRange(1, DatabaseOptions.MaximumPoolSize, "the host's pool holds at most 20 connections, and requests beyond them wait for one");
    }
}
