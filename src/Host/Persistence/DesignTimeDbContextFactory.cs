using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Koostoo.Host.Persistence;

/// <summary>For `dotnet ef migrations add`: the SQLite model, without starting the host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KoostooDbContext>
{
    public KoostooDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<KoostooDbContext>();
        new DatabaseOptions { ConnectionString = "Data Source=design-time.db" }.Configure(builder);
        return new KoostooDbContext(builder.Options);
    }
}
