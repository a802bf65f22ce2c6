using Koostoo.Service.Accounts;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Service.Tests;

/// <summary>
/// A host applies what its database lacks at start, whether the database is new or one upgrade behind, and leaves an
/// up-to-date SQLite database untouched; until then it is not ready. It reads the migration history itself, from each
/// context's own history table (the accounts keep theirs apart), on SQLite and on PostgreSQL.
/// </summary>
public sealed class MigrateWhenBehindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("koostoo-migrate-").FullName;

    [Fact]
    public async Task A_new_SQLite_database_gets_every_migration_of_both_contexts()
    {
        await using var services = Services(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "new.db")}");

        await MigrateBothAsync(services);

        await ShouldBeCurrentAsync(services);
    }

    [Fact]
    public async Task A_SQLite_database_one_upgrade_behind_gets_the_migration_it_lacks()
    {
        await using var services = Services(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "behind.db")}");
        await MigrateAllButLastAsync(services);
        (await new DatabaseReadiness(services.GetRequiredService<IServiceScopeFactory>()).WhyNotReadyAsync(CancellationToken.None))
            .Should().Be("1 migration(s) not applied yet.", "a host over a database it has not upgraded is not ready");

        await MigrateBothAsync(services);

        await ShouldBeCurrentAsync(services);
        (await new DatabaseReadiness(services.GetRequiredService<IServiceScopeFactory>()).WhyNotReadyAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task An_up_to_date_SQLite_database_is_not_written_to()
    {
        var file = Path.Combine(_folder, "current.db");
        await using var services = Services(DatabaseProvider.Sqlite, $"Data Source={file}");
        await MigrateBothAsync(services);
        // SQLite counts the commits of other connections: EF Core's migrator takes and lets go of a lock row even when it has
        // nothing to apply, so any migration run would show here.
        await using var watcher = new SqliteConnection($"Data Source={file};Pooling=false");
        await watcher.OpenAsync();
        var before = await DataVersionAsync(watcher);

        await MigrateBothAsync(services);

        (await DataVersionAsync(watcher)).Should().Be(before, "nothing was lacking, so nothing was written");
        await ShouldBeCurrentAsync(services);
    }

    [Fact]
    public async Task PostgreSQL_databases_new_and_one_upgrade_behind_are_brought_up_to_date()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using (var fresh = Services(DatabaseProvider.Postgres, await postgres.CreateDatabaseAsync()))
        {
            await MigrateBothAsync(fresh);
            await ShouldBeCurrentAsync(fresh);
        }

        await using var behind = Services(DatabaseProvider.Postgres, await postgres.CreateDatabaseAsync());
        await MigrateAllButLastAsync(behind);

        await MigrateBothAsync(behind);

        await ShouldBeCurrentAsync(behind);
    }

    private ServiceProvider Services(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = provider.ToString(),
            [$"{DatabaseOptions.Section}:ConnectionString"] = connectionString,
        }).Build();
        // Identity's schema version, as the host's account store sets it: the accounts' model depends on it.
        return new ServiceCollection().AddLogging().AddKoostooDatabase(configuration).AddAccountsDatabase(configuration)
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider();
    }

    private static async Task MigrateBothAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateWhenBehindAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.MigrateWhenBehindAsync(CancellationToken.None);
    }

    /// <summary>The service's context stops one migration short of the last, the accounts' are all applied: an upgrade not yet run.</summary>
    private static async Task MigrateAllButLastAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database;
        var migrations = database.GetMigrations().ToList();
        await database.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        (await database.GetAppliedMigrationsAsync()).Should().NotContain(migrations[^1]);
        await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.MigrateAsync();
    }

    private static async Task ShouldBeCurrentAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var database in new[] { scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database, scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database })
            (await database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        // Pooled connections keep the files open; they have to go before the folder can.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
