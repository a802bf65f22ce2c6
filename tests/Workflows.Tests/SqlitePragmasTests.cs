using System.Data.Common;
using Koostoo.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// SQLite's WAL and synchronous=NORMAL are set once per physical connection, not on every open: a second connection
/// opened beside the first gets them too, and a pooled one handed back keeps them. Without NORMAL every commit waits
/// for the disk (FULL, SQLite's default), which halves the write rate; without temp_store=MEMORY every resume's
/// savepoint spills its page copies to a temporary file created and deleted again.
/// </summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("koostoo-pragmas-").FullName;

    [Fact]
    public async Task Every_physical_connection_writes_ahead_with_normal_sync_and_temporary_data_in_memory_and_keeps_them_when_pooled()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "engine.db")}" }.Configure(options);

        await using (var first = new WorkflowDbContext(options.Options))
        await using (var second = new WorkflowDbContext(options.Options))
        {
            await first.Database.OpenConnectionAsync();
            await second.Database.OpenConnectionAsync();
            first.Database.GetDbConnection().Should().NotBeSameAs(second.Database.GetDbConnection());
            foreach (var db in new[] { first, second })
            {
                (await PragmaAsync(db, "journal_mode")).Should().Be("wal");
                (await PragmaAsync(db, "synchronous")).Should().Be("1", "1 is NORMAL; SQLite's default is 2, FULL");
                (await PragmaAsync(db, "temp_store")).Should().Be("2", "2 is MEMORY; SQLite's default is 0, files");
            }
        }

        // A connection without the interceptor has SQLite's default, so what the others found was the interceptor's doing.
        await using (var plain = new SqliteConnection($"Data Source={Path.Combine(_folder, "engine.db")};Pooling=false"))
        {
            await plain.OpenAsync();
            await using var command = plain.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            (await command.ExecuteScalarAsync())?.ToString().Should().Be("2", "SQLite's default is FULL");
            command.CommandText = "PRAGMA temp_store";
            (await command.ExecuteScalarAsync())?.ToString().Should().Be("0", "SQLite's default leaves it to a compile-time choice, files here");
        }

        // Both went back to the pool; the next opens reuse them and find them as they were left.
        for (var i = 0; i < 3; i++)
        {
            await using var again = new WorkflowDbContext(options.Options);
            await again.Database.OpenConnectionAsync();
            (await PragmaAsync(again, "synchronous")).Should().Be("1");
            (await PragmaAsync(again, "temp_store")).Should().Be("2");
        }
    }

    private static async Task<string?> PragmaAsync(DbContext db, string name)
    {
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; they have to go before the folder can.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
