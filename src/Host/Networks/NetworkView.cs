using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Networks;

public sealed record MemberView(Guid Id, string Name, string? Organisation, Sector Sector, string Email, string? Phone, string Language, string? Role, MemberStatus Status);

public sealed record RespondentView(Guid RequestId, Guid? MemberId, string Name, bool Answered, DateTimeOffset? AnsweredAt, int RemindersSent);

/// <summary>A step that waits for people: who has answered and who is silent.</summary>
public sealed record OpenStepView(string ActivityId, string Question, DateTimeOffset? Deadline, int Asked, int Answered,
    IReadOnlyList<RespondentView> Respondents);

public sealed record NetworkSummary(Guid Id, string Name, NetworkType Type, NetworkStatus Status, string? Stage, int Members, DateTimeOffset CreatedAt);

public sealed record NetworkDetail(
    Guid Id, string Name, string Purpose, NetworkType Type, NetworkLevel Level, string? TargetGroup, string? LeadOrganisation,
    string? StrategyReference, string CoordinatorName, string CoordinatorEmail, string Language, bool Confidential,
    NetworkStatus Status, Guid? WorkflowInstanceId, string WorkflowDefinitionId, int? WorkflowVersion, InstanceStatus? WorkflowStatus,
    string? Stage, IReadOnlyList<MemberView> Members, IReadOnlyList<OpenStepView> OpenSteps, DateTimeOffset CreatedAt);

/// <summary>Reads networks for the coordinator: what stage, which step waits, who has and has not answered.</summary>
public sealed class NetworkReader(WorkflowDbContext db)
{
    public async Task<IReadOnlyList<NetworkSummary>> ListAsync(CancellationToken ct = default)
    {
        var networks = await db.Set<Network>().AsNoTracking().Include(n => n.Members).OrderByDescending(n => n.CreatedAt).ToListAsync(ct);
        var ids = networks.Select(n => n.WorkflowInstanceId).ToList();
        var stages = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.CurrentStage, ct);
        return networks.Select(n => new NetworkSummary(n.Id, n.Name, n.Type, n.Status,
            n.WorkflowInstanceId is { } id ? stages.GetValueOrDefault(id) : null, n.Members.Count(m => m.IsActive), n.CreatedAt)).ToList();
    }

    public async Task<NetworkDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var network = await db.Set<Network>().AsNoTracking().Include(n => n.Members).FirstOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new NotFoundException($"There is no network {id}.");
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == network.WorkflowInstanceId, ct);
        var requests = await db.Set<StepRequest>().AsNoTracking()
            .Where(r => r.NetworkId == id && r.ClosedAt == null && r.InstanceId == network.WorkflowInstanceId)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        // Requests of a step that ended another way (a Finish elsewhere, a cancel) lost their bookmarks: not open.
        var waiting = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == network.WorkflowInstanceId && b.ConsumedAt == null && b.Key == AskMembers.CommandKey)
            .Select(b => b.ActivityId).ToListAsync(ct);
        var steps = requests.Where(r => waiting.Contains(r.ActivityId)).GroupBy(r => r.ActivityId).Select(g =>
        {
            var form = RequestForm.FromJson(g.First().Form);
            return new OpenStepView(g.Key, form.Question.In(network.Language), g.First().Deadline, g.Count(), g.Count(r => r.Answer is not null),
                g.Select(r => new RespondentView(r.Id, r.MemberId, r.RespondentName, r.Answer is not null, r.AnsweredAt, r.RemindersSent)).ToList());
        }).ToList();
        return new NetworkDetail(network.Id, network.Name, network.Purpose, network.Type, network.Level, network.TargetGroup,
            network.LeadOrganisation, network.StrategyReference, network.CoordinatorName, network.CoordinatorEmail, network.Language,
            network.Confidential, network.Status, network.WorkflowInstanceId, network.WorkflowDefinitionId, instance?.DefinitionVersion,
            instance?.Status, instance?.CurrentStage,
            network.Members.OrderBy(m => m.AddedAt).Select(m => new MemberView(m.Id, m.Name, m.Organisation, m.Sector, m.Email, m.Phone, m.Language, m.Role, m.Status)).ToList(),
            steps, network.CreatedAt);
    }
}
