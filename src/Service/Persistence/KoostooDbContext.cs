using Koostoo.Activities.Networks;
using Koostoo.Service.Replies;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Persistence;

/// <summary>
/// The service's database: the network's model as its activities see it (<see cref="NetworkDbContext"/>), plus what only
/// the application keeps (the reply inbox's receipts, the coordinators' digest choices). Abstract because migrations are per provider (EF's way for one
/// model on two providers): <see cref="SqliteKoostooDbContext"/> and <see cref="PostgresKoostooDbContext"/> each carry their
/// own migration history; the rest of the code asks for this type.
/// </summary>
public abstract class KoostooDbContext(DbContextOptions options) : NetworkDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReplyReceipt>(e =>
        {
            e.ToTable("reply_receipts");
            e.HasKey(r => new { r.UidValidity, r.Uid });
            e.HasIndex(r => new { r.RequestId, r.At });
        });
        modelBuilder.Entity<Digest.DigestSubscription>(e =>
        {
            e.ToTable("digest_subscriptions");
            e.HasKey(d => d.Email);
            e.Property(d => d.Language).HasMaxLength(8);
        });
    }
}
