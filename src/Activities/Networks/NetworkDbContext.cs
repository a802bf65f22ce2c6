using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Agreements;
using Koostoo.Networks.Evaluation;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Information;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Networks;

/// <summary>
/// The database the network's activities run over: the engine's tables, the network's and the outbox, in one model,
/// so that a step's answers, records and mail commit with the workflow's state. The service's context derives from
/// this one (for its migrations); tests run the activities over it directly, without the service.
/// </summary>
public class NetworkDbContext(DbContextOptions options) : WorkflowDbContext(options)
{
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<StepRequest> StepRequests => Set<StepRequest>();
    public DbSet<RequestLink> RequestLinks => Set<RequestLink>();
    public DbSet<GroupAgreement> GroupAgreements => Set<GroupAgreement>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionProgress> ActionProgress => Set<ActionProgress>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<GoalVote> GoalVotes => Set<GoalVote>();
    public DbSet<ColleagueSuggestion> ColleagueSuggestions => Set<ColleagueSuggestion>();
    public DbSet<NetworkReview> Reviews => Set<NetworkReview>();
    public DbSet<ReviewAnswer> ReviewAnswers => Set<ReviewAnswer>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        OutboxModel.Configure(modelBuilder);
        NetworkModel.Configure(modelBuilder);
    }
}
