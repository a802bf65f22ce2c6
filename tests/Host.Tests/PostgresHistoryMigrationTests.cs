namespace Koostoo.Host.Tests;

/// <summary>The history's move from sentences to events, on PostgreSQL: <see cref="HistoryMigrationScenario"/>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryMigrationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private KoostooHost _host = null!;

    public async Task InitializeAsync() => _host = KoostooHost.OverPostgres(await postgres.Server.CreateDatabaseAsync());

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public Task An_upgraded_database_keeps_every_old_history_row_and_new_rows_name_their_actor() =>
        HistoryMigrationScenario.OldRowsSurviveAndNewOnesNameTheirActorAsync(_host);
}
