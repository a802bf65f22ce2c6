using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// WAL, synchronous=NORMAL and temp_store=MEMORY for SQLite. WAL keeps readers off the writer's back and is stored in
/// the file, so it is set once per database; synchronous is per connection and its default FULL halves the write rate
/// (docs/measurements.md), so it is set once on each physical connection. So is temp_store: by default a savepoint
/// that changes more than a few pages copies them to a temporary file it creates and deletes, and every resume runs in
/// a savepoint, so every answer paid for a file in the temporary folder (docs/scale.md). EF opens a connection for every
/// statement outside a transaction, and the pool hands the same physical one back: setting them on every open doubled
/// the statements of a page or a resume's reads.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, bool> InWal = new();
    private static readonly ConditionalWeakTable<object, object> Set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        // The physical connection is the native handle, which the pool keeps across opens.
        if (connection is SqliteConnection { Handle: { } handle } && !Set.TryAdd(handle, handle)) return;
        using var command = connection.CreateCommand();
        var wal = InWal.TryAdd(connection.DataSource, true) ? "PRAGMA journal_mode=WAL; " : "";
        command.CommandText = wal + "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }
}
