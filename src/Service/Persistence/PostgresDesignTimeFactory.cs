using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Koostoo.Service.Persistence;

/// <summary>
/// For `dotnet ef migrations add --context PostgresKoostooDbContext`: the PostgreSQL model, without starting the host.
/// Adding a migration never connects, so the connection string only has to parse.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKoostooDbContext>
{
    public PostgresKoostooDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresKoostooDbContext>();
        new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=koostoo" }.Configure(builder);
        return new PostgresKoostooDbContext(builder.Options);
    }
}
