using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koostoo.Workflows.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Koostoo:Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Koostoo:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/koostoo.db";

    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder();
                builder.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(PostgresConnectionString);
                break;
        }
        builder.AddInterceptors(new Journal.JournalInOneInsert());
    }

    /// <summary>
    /// The most connections a host keeps to PostgreSQL when its connection string does not say (Npgsql's own default is
    /// 100). Requests beyond it wait for a free connection rather than start more server processes: on two cores that
    /// took the request page's p99 at 100 clients from 2.0–2.2 s to 0.36–0.40 s (docs/storage.md, Connections). Four
    /// hosts fit in PostgreSQL's default <c>max_connections</c> of 100, where two hosts of 100 each could be refused.
    /// </summary>
    public const int MaximumPoolSize = 20;

    /// <summary>
    /// The PostgreSQL connection string as the host uses it (EF Core, Hangfire, the startup lock: one pool), with three
    /// Npgsql settings unless it names them itself: <c>No Reset On Close</c> (no <c>DISCARD ALL</c> each time a pooled
    /// connection is taken, which also threw away every prepared statement), <c>Max Auto Prepare</c> (the statements a
    /// host runs again and again are parsed and planned once per connection) and <c>Maximum Pool Size</c>
    /// (<see cref="MaximumPoolSize"/>). Nothing in the host keeps state in a database session: the startup lock unlocks
    /// before its connection goes back to the pool, and Hangfire.PostgreSql LISTENs only with long polling, which is off.
    /// Measured: resumes one at a time went from 331–375 to 495–578 a second (docs/storage.md, Connections).
    /// </summary>
    public string PostgresConnectionString
    {
        get
        {
            var given = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
            bool Names(string keyword) => given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
            var tuned = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (!Names("NoResetOnClose")) tuned.NoResetOnClose = true;
            if (!Names("MaxAutoPrepare")) tuned.MaxAutoPrepare = 100;
            if (!Names("MaximumPoolSize") && !Names("MaxPoolSize")) tuned.MaxPoolSize = MaximumPoolSize;
            return tuned.ConnectionString;
        }
    }

    private void EnsureSqliteFolder()
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
