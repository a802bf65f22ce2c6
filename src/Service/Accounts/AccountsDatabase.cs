using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Accounts;

/// <summary>The accounts' context on the configured provider, in the same database as the rest of the service.</summary>
public static class AccountsDatabase
{
    public static IServiceCollection AddAccountsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // The options are the same for every request (the connection string is read and tuned once), the context is the request's.
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<AccountsDbContext, SqliteAccountsDbContext>(options => Configure(database, options), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<AccountsDbContext, PostgresAccountsDbContext>(options => Configure(database, options), optionsLifetime: ServiceLifetime.Singleton);
                break;
        }
        return services;
    }

    /// <summary>
    /// What Identity's model reads from the host (the schema version, as AccountStore sets it) for a design-time
    /// factory, which has no host.
    /// </summary>
    public static IServiceProvider DesignTimeServices() => new ServiceCollection()
        .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public static void Configure(DatabaseOptions database, DbContextOptionsBuilder options)
    {
        database.Configure(options);
        // The provider's own options again, only to name this context's migration history.
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.PostgresConnectionString, o => o.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable));
                break;
        }
    }
}

/// <summary>For `dotnet ef migrations add --context SqliteAccountsDbContext`.</summary>
public sealed class SqliteAccountsDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAccountsDbContext>();
        AccountsDatabase.Configure(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }, builder);
        builder.UseApplicationServiceProvider(AccountsDatabase.DesignTimeServices());
        return new SqliteAccountsDbContext(builder.Options);
    }
}

/// <summary>For `dotnet ef migrations add --context PostgresAccountsDbContext`; adding a migration never connects.</summary>
public sealed class PostgresAccountsDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAccountsDbContext>();
        AccountsDatabase.Configure(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=koostoo" }, builder);
        builder.UseApplicationServiceProvider(AccountsDatabase.DesignTimeServices());
        return new PostgresAccountsDbContext(builder.Options);
    }
}
