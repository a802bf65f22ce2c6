using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Koostoo.Service.Persistence;

/// <summary>For `dotnet ef migrations add --context SqliteKoostooDbContext`: the SQLite model, without starting the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKoostooDbContext>
{
    public SqliteKoostooDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteKoostooDbContext>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }.Configure(builder);
        return new SqliteKoostooDbContext(builder.Options);
    }
}
