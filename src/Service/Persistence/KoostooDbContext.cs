using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Service.Replies;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Persistence;

/// <summary>
/// The service's database: the engine's tables plus the service's own, in one model. Abstract because migrations are
/// per provider (EF's way for one model on two providers): <see cref="SqliteKoostooDbContext"/> and
/// <see cref="PostgresKoostooDbContext"/> each carry their own migration history; the rest of the code asks for this type.
/// </summary>
public abstract class KoostooDbContext(DbContextOptions options) : WorkflowDbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Network> Networks => Set<Network>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        OutboxModel.Configure(model);
        NetworkModel.Configure(model);
        model.Entity<ReplyReceipt>(e =>
        {
            e.ToTable("reply_receipts");
            e.HasKey(r => new { r.UidValidity, r.Uid });
            e.HasIndex(r => new { r.RequestId, r.At });
        });
    }
}
