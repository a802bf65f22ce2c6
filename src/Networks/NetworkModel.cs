using Koostoo.Networks.Actions;
using Koostoo.Networks.Agreements;
using Koostoo.Networks.Evaluation;
using Koostoo.Networks.Goals;
using Koostoo.Networks.History;
using Koostoo.Networks.Information;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
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
            e.Property(m => m.RoleNames).HasMaxLength(1000);
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
            e.HasIndex(r => r.HandedOverToId);
        });
        model.Entity<RequestLink>(e =>
        {
            e.ToTable("request_links");
            e.HasKey(l => l.TokenHash);
            e.HasIndex(l => l.RequestId);
        });
        model.Entity<ReplyAddress>(e =>
        {
            e.ToTable("reply_addresses");
            e.HasKey(a => a.KeyHash);
            e.HasIndex(a => a.RequestId);
        });
        model.Entity<GroupAgreement>(e =>
        {
            e.ToTable("group_agreements");
            e.HasKey(a => a.Id);
            e.Property(a => a.Text).HasMaxLength(1000);
            e.HasIndex(a => new { a.NetworkId, a.Position });
        });
        model.Entity<Goal>(e =>
        {
            e.ToTable("goals");
            e.HasKey(g => g.Id);
            e.HasIndex(g => new { g.NetworkId, g.Draft });
        });
        model.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.HasKey(a => a.Id);
            e.Property(a => a.What).HasMaxLength(500);
            e.Property(a => a.OwnerName).HasMaxLength(200);
            e.HasMany(a => a.Progress).WithOne().HasForeignKey(p => p.ActionItemId);
            e.HasIndex(a => a.NetworkId);
            e.HasIndex(a => a.SourceRequestId);
        });
        model.Entity<ActionProgress>(e =>
        {
            e.ToTable("action_progress");
            e.HasKey(p => p.Id);
            e.Ignore(p => p.AsksForHelp);
            e.HasIndex(p => p.ActionItemId);
        });
        model.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Title).HasMaxLength(200);
            e.Property(m => m.Place).HasMaxLength(300);
            e.Property(m => m.OnlineLink).HasMaxLength(500);
            e.HasIndex(m => new { m.NetworkId, m.StartsAt });
        });
        model.Entity<MeetingAttendance>(e =>
        {
            e.ToTable("meeting_attendance");
            e.HasKey(a => new { a.MeetingId, a.MemberId });
        });
        model.Entity<Feedback>(e =>
        {
            e.ToTable("feedback");
            e.HasKey(f => f.Id);
            e.Property(f => f.RespondentName).HasMaxLength(200);
            e.HasIndex(f => f.NetworkId);
            e.HasIndex(f => f.SourceRequestId);
        });
        model.Entity<Contribution>(e =>
        {
            e.ToTable("contributions");
            e.HasKey(c => c.Id);
            e.Property(c => c.RespondentName).HasMaxLength(200);
            e.HasIndex(c => c.NetworkId);
            e.HasIndex(c => c.SourceRequestId);
        });
        model.Entity<GoalVote>(e =>
        {
            e.ToTable("goal_votes");
            e.HasKey(v => v.Id);
            e.Property(v => v.RespondentName).HasMaxLength(200);
            e.HasIndex(v => new { v.NetworkId, v.Draft });
            e.HasIndex(v => v.SourceRequestId);
        });
        model.Entity<ColleagueSuggestion>(e =>
        {
            e.ToTable("colleague_suggestions");
            e.HasKey(s => s.Id);
            e.Property(s => s.SuggestedBy).HasMaxLength(200);
            e.Property(s => s.Colleague).HasMaxLength(500);
            e.HasIndex(s => s.NetworkId);
            e.HasIndex(s => s.SourceRequestId);
        });
        model.Entity<NetworkReview>(e =>
        {
            e.ToTable("network_reviews");
            e.HasKey(r => r.Id);
            e.Property(r => r.StartedBy).HasMaxLength(200);
            e.Ignore(r => r.IsOpen);
            e.HasIndex(r => new { r.NetworkId, r.Number }).IsUnique();
            e.HasIndex(r => r.WorkflowInstanceId).IsUnique();
        });
        model.Entity<ReviewAnswer>(e =>
        {
            e.ToTable("review_answers");
            e.HasKey(a => a.Id);
            e.Property(a => a.RespondentName).HasMaxLength(200);
            e.HasIndex(a => a.ReviewId);
            e.HasIndex(a => a.SourceRequestId);
            e.HasIndex(a => a.MemberId);
        });
        model.Entity<HistoryEntry>(e =>
        {
            e.ToTable("network_history");
            e.HasKey(h => h.Id);
            e.Property(h => h.ActorName).HasMaxLength(200);
            e.HasIndex(h => new { h.NetworkId, h.Id });
        });
    }
}
