using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Email;

/// <summary>The outbox table, for the service's DbContext to include in its model.</summary>
public static class OutboxModel
{
    public static void Configure(ModelBuilder model) => model.Entity<OutboxMessage>(e =>
    {
        e.ToTable("outbox");
        e.HasKey(m => m.Id);
        e.HasIndex(m => m.MessageId).IsUnique();
        e.Property(m => m.MessageId).HasMaxLength(200);
        e.Property(m => m.ActivityId).HasMaxLength(100);
        e.Property(m => m.ToAddress).HasMaxLength(320);
        e.Property(m => m.ToName).HasMaxLength(200);
        e.Property(m => m.Language).HasMaxLength(10);
        e.Property(m => m.Subject).HasMaxLength(1000);
        e.Property(m => m.ListUnsubscribe).HasMaxLength(1000);
        e.Property(m => m.ReplyTo).HasMaxLength(320);
        // The sweep asks: which pending messages are due, which leases have run out?
        e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        e.HasIndex(m => m.InstanceId);
    });
}
