using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Persistence;

/// <summary>The service's database: the engine's tables plus the service's own, in one model and one migration history.</summary>
public sealed class KoostooDbContext(DbContextOptions<KoostooDbContext> options) : WorkflowDbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Network> Networks => Set<Network>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        OutboxModel.Configure(model);
        NetworkModel.Configure(model);
    }
}
