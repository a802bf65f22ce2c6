using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Accounts;

/// <summary>
/// Staff accounts (ASP.NET Core Identity), their API keys, co-coordinators' grants and the audit log, in the service's
/// own database but as a context of their own with its own migration history (<see cref="MigrationsHistoryTable"/>):
/// accounts change on their own schedule and never share a transaction with a workflow. Abstract for the same reason
/// as <see cref="Persistence.KoostooDbContext"/>: migrations are per provider.
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public const string MigrationsHistoryTable = "__accounts_migrations";

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<NetworkGrant> NetworkGrants => Set<NetworkGrant>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's tables in the schema version of IdentityOptions.Stores (3, with passkeys). The design-time factories
        // set it, and the host runs on the compiled model they make (scripts/compile-models.sh), so this runs only at
        // design time and in CompiledModelTests; AccountStore sets the same version for Identity's own stores.
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => k.UserId);
            e.Property(k => k.Name).HasMaxLength(100);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<NetworkGrant>(e =>
        {
            e.ToTable("network_grants");
            e.HasKey(g => new { g.NetworkId, g.UserId });
            e.HasIndex(g => g.UserId);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.NetworkId);
            e.Property(a => a.Action).HasMaxLength(50);
        });
    }
}

/// <summary>Accounts on SQLite, with the migrations in Persistence/Migrations/Accounts/Sqlite.</summary>
public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>Accounts on PostgreSQL, with the migrations in Persistence/Migrations/Accounts/Postgres.</summary>
public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);
