using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Networks;

/// <summary>The network tables, added to the service's database model beside the engine's.</summary>
public static class NetworkModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Network>(e =>
        {
            e.ToTable("networks");
            e.HasKey(n => n.Id);
            e.Property(n => n.Name).HasMaxLength(200);
            e.Property(n => n.CoordinatorName).HasMaxLength(200);
            e.Property(n => n.CoordinatorEmail).HasMaxLength(254);
            e.Property(n => n.Language).HasMaxLength(8);
            e.Property(n => n.WorkflowDefinitionId).HasMaxLength(100);
            e.HasMany(n => n.Members).WithOne().HasForeignKey(m => m.NetworkId);
            e.HasIndex(n => n.WorkflowInstanceId);
            e.HasIndex(n => n.CoordinatorEmail);
        });
        model.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasKey(m => m.Id);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Email).HasMaxLength(254);
            e.Property(m => m.Language).HasMaxLength(8);
            e.Property(m => m.Role).HasMaxLength(100);
            e.Ignore(m => m.IsActive);
            e.HasIndex(m => new { m.NetworkId, m.Email });
        });
        model.Entity<StepRequest>(e =>
        {
            e.ToTable("step_requests");
            e.HasKey(r => r.Id);
            e.Property(r => r.ActivityId).HasMaxLength(100);
            e.Property(r => r.RespondentName).HasMaxLength(200);
            e.Property(r => r.RespondentEmail).HasMaxLength(254);
            e.Property(r => r.Language).HasMaxLength(8);
            e.Ignore(r => r.IsOpen);
            e.HasIndex(r => new { r.InstanceId, r.ActivityId, r.ClosedAt });
            e.HasIndex(r => r.NetworkId);
            e.HasIndex(r => r.BookmarkId);
        });
        model.Entity<RequestLink>(e =>
        {
            e.ToTable("request_links");
            e.HasKey(l => l.TokenHash);
            e.HasIndex(l => l.RequestId);
        });
    }
}
