using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
                builder.UseNpgsql(ConnectionString);
                break;
        }
    }

    private void EnsureSqliteFolder()
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
