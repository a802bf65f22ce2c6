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
        if ((await database.LackedMigrationsAsync(ct)).Count > 0) await database.MigrateAsync(ct);
    }

    /// <summary>The migrations this code knows that the database lacks: all of them when its history cannot be read.</summary>
    public static async Task<IReadOnlyList<string>> LackedMigrationsAsync(this DatabaseFacade database, CancellationToken ct)
    {
        var applied = await AppliedAsync(database, ct);
        return database.GetMigrations().Where(migration => applied?.Contains(migration) != true).ToList();
    }

    /// <summary>
    /// The migrations the history lists, read with one plain statement; null when it cannot be read, as in a new database,
    /// which has no history table yet (EF Core's migration then creates it, or says what is wrong with the database; the
    /// readiness check has asked whether the database answers before).
    /// EF Core's own <c>GetPendingMigrationsAsync</c> builds a model of the history table from conventions and translates
    /// a LINQ query over it: reading the history itself took a start from 1.47 s to 1.32 s (docs/scale.md, Start to ready).
    /// The column is EF Core's own name; the table is the context's (the accounts have their own).
    /// </summary>
    private static async Task<HashSet<string>?> AppliedAsync(DatabaseFacade database, CancellationToken ct)
    {
        var options = RelationalOptionsExtension.Extract(database.GetService<IDbContextOptions>());
        var sql = database.GetService<ISqlGenerationHelper>();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await database.OpenConnectionAsync(ct);
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {sql.DelimitIdentifier("MigrationId")} FROM " +
                                  sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            return applied;
        }
        catch (DbException)
        {
            return null;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
