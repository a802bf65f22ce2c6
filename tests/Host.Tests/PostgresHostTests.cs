using Hangfire;
using Hangfire.PostgreSql;
using Koostoo.Service.Persistence;
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

    public async Task InitializeAsync() => _host = KoostooHost.OverPostgres(await postgres.Server.CreateDatabaseAsync());

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
}
