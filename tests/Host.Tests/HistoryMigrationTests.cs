namespace Koostoo.Host.Tests;

/// <summary>The history's move from sentences to events, on SQLite: <see cref="HistoryMigrationScenario"/>.</summary>
public sealed class HistoryMigrationTests : IDisposable
{
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public Task An_upgraded_database_keeps_every_old_history_row_and_new_rows_name_their_actor() =>
        HistoryMigrationScenario.OldRowsSurviveAndNewOnesNameTheirActorAsync(_host);
}
