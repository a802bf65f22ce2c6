using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Koostoo.Service.Persistence;

public static class MigrateWhenBehind
{
    /// <summary>
    /// Applies the migrations the database lacks, and does nothing more when it lacks none. EF Core's own
    /// <c>MigrateAsync</c> first compares the code's model with the last migration's snapshot, building both from their
    /// conventions even when the host runs on a compiled model; on compiled models, skipping that comparison took about
    /// 0.6 s off a 3.4 s start (docs/scale.md, Start to ready). That the model and the migrations agree is held by a test
    /// instead (CompiledModelTests).
    /// </summary>
    public static async Task MigrateWhenBehindAsync(this DatabaseFacade database, CancellationToken ct)
    {
        bool behind;
        try
        {
            behind = (await database.LackedMigrationsAsync(ct)).Count > 0;
        }
        catch (DbException)
        {
            // A new database has no history to read: EF Core's migration creates it, or says what is wrong with the database.
            behind = true;
        }
        if (behind) await database.MigrateAsync(ct);
    }

    /// <summary>
    /// The migrations this code knows that the database's history does not list, read with one plain statement; it throws
    /// when the history cannot be read. EF Core's own <c>GetPendingMigrationsAsync</c> builds a model of the history table
    /// from conventions and translates a LINQ query over it: reading the history itself took a start from 1.47 s to 1.32 s
    /// (docs/scale.md, Start to ready). The column is EF Core's own name; the table is the context's (the accounts have
    /// their own).
    /// </summary>
    public static async Task<IReadOnlyList<string>> LackedMigrationsAsync(this DatabaseFacade database, CancellationToken ct)
    {
        var options = RelationalOptionsExtension.Extract(database.GetService<IDbContextOptions>());
        var sql = database.GetService<ISqlGenerationHelper>();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {sql.DelimitIdentifier("MigrationId")} FROM " +
                                  sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
        return database.GetMigrations().Where(migration => !applied.Contains(migration)).ToList();
    }
}
