using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// WAL and synchronous=NORMAL for SQLite. WAL keeps readers off the writer's back and is stored in the file,
/// so it is set once per database; synchronous is per connection and its default FULL halves the write rate
/// (docs/measurements.md), so it is set on every open.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, bool> InWal = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        var wal = InWal.TryAdd(connection.DataSource, true) ? "PRAGMA journal_mode=WAL; " : "";
        command.CommandText = wal + "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
