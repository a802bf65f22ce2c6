using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Incidents;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Incidents;

/// <summary>
/// Faulted workflows and what can be done about them (docs/versions.md): admins see every one, a coordinator those of the
/// networks they lead. Running the faulted step again and continuing with a chosen outcome are an admin's (they follow a
/// fix of the definition); cancelling the network is also its coordinator's. The network's history tells of each, in the
/// same transaction.
/// </summary>
public sealed class IncidentHandling(WorkflowDbContext db, NetworkAccess access, DefinitionStore definitions, IncidentRecovery recovery,
    WorkflowRuntime runtime, NetworkCancellation cancellation, TimeProvider time)
{
    public async Task<IReadOnlyList<IncidentView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var faulted = db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Faulted);
        if (!actor.IsAdmin)
        {
            var readable = access.Readable(actor).Select(n => n.WorkflowInstanceId);
            faulted = faulted.Where(i => readable.Contains(i.Id));
        }
        var instances = await faulted.ToListAsync(ct);
        var ids = instances.Select(i => (Guid?)i.Id).ToList();
        var networks = await db.Set<Network>().AsNoTracking().Where(n => ids.Contains(n.WorkflowInstanceId)).ToListAsync(ct);
        var views = new List<IncidentView>();
        foreach (var instance in instances)
            views.Add(await ViewAsync(instance, networks.FirstOrDefault(n => n.WorkflowInstanceId == instance.Id), ct));
        return views.OrderByDescending(v => v.At).ToList();
    }

    /// <summary>The incident of the network's workflow, if it is faulted: for the network's page.</summary>
    public async Task<IncidentView?> OfNetworkAsync(Actor actor, Guid networkId, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct);
        var instance = await db.Instances.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == network.WorkflowInstanceId && i.Status == InstanceStatus.Faulted, ct);
        return instance is null ? null : await ViewAsync(instance, network, ct);
    }

    /// <summary>One incident, for an actor who may act on it (admins; a coordinator only reads).</summary>
    public async Task<IncidentView> GetAsync(Actor actor, Guid instanceId, CancellationToken ct = default)
    {
        var (instance, network) = await FindAsync(actor, instanceId, NetworkPermission.Read, ct);
        if (instance.Status != InstanceStatus.Faulted)
            throw new NotFoundException(Words.Current["Problems.WorkflowInstanceHasNoIncidentIt", instanceId, instance.Status.ToString().ToLowerInvariant()]);
        return await ViewAsync(instance, network, ct);
    }

    /// <summary>Runs the faulted step again on the version the instance is on now (move it to a fixed version first).</summary>
    public async Task<InstanceStatus> RetryAsync(Actor actor, Guid instanceId, CancellationToken ct = default)
    {
        var incident = await IncidentForAdminAsync(actor, instanceId, ct);
        var instance = await recovery.RetryAsync(instanceId, actor.ForJournal(), (transaction, after) =>
        {
            if (incident.NetworkId is { } networkId)
                NetworkHistory.Add(transaction, networkId, time.GetUtcNow(),
                    after.Status == InstanceStatus.Faulted ? HistoryKind.RetryFailed : HistoryKind.FaultRetried, HistoryActor.Admin(actor.Name),
                    after.Status == InstanceStatus.Faulted
                        ? new() { ["step"] = NetworkHistory.Localized(incident.Step), ["error"] = after.Fault ?? "" }
                        : new() { ["step"] = NetworkHistory.Localized(incident.Step) });
            return Task.CompletedTask;
        }, ct);
        return instance.Status;
    }

    /// <summary>Completes the faulted step with an outcome the admin chose, and the workflow goes on from there.</summary>
    public async Task<InstanceStatus> ContinueAsync(Actor actor, Guid instanceId, string? outcome, CancellationToken ct = default)
    {
        var incident = await IncidentForAdminAsync(actor, instanceId, ct);
        var chosen = incident.Outcomes.FirstOrDefault(o => string.Equals(o, outcome?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw RequestRejectedException.Of("outcome", string.IsNullOrWhiteSpace(outcome)
                ? $"Choose the outcome to continue with: {string.Join(", ", incident.Outcomes)}."
                : $"'{outcome}' is not an outcome of the step '{incident.ActivityId}'; choose one of {string.Join(", ", incident.Outcomes)}.");
        var instance = await recovery.ContinueAsync(instanceId, chosen, actor.ForJournal(), (transaction, _) =>
        {
            if (incident.NetworkId is { } networkId)
                NetworkHistory.Add(transaction, networkId, time.GetUtcNow(), HistoryKind.FaultOutcomeChosen, HistoryActor.Admin(actor.Name),
                    new() { ["step"] = NetworkHistory.Localized(incident.Step), ["outcome"] = chosen });
            return Task.CompletedTask;
        }, ct);
        return instance.Status;
    }

    /// <summary>Ends the network (its coordinator may too) or, for an instance without an active network, the instance.</summary>
    public async Task CancelAsync(Actor actor, Guid instanceId, CancellationToken ct = default)
    {
        var (instance, network) = await FindAsync(actor, instanceId, NetworkPermission.Coordinate, ct);
        if (instance.Status != InstanceStatus.Faulted)
            throw new ConflictException(Words.Current["Problems.WorkflowInstanceHasNoIncidentIt", instanceId, instance.Status.ToString().ToLowerInvariant()]);
        if (network is { Status: NetworkStatus.Active })
            await cancellation.CancelAsync(actor, network.Id, ct);
        else
            await runtime.CancelAsync(instanceId, $"Cancelled after a fault by {actor.ForJournal()}.", ct: ct);
    }

    private async Task<IncidentView> IncidentForAdminAsync(Actor actor, Guid instanceId, CancellationToken ct)
    {
        var (instance, network) = await FindAsync(actor, instanceId, NetworkPermission.Administer, ct);
        if (instance.Status != InstanceStatus.Faulted)
            throw new ConflictException(Words.Current["Problems.WorkflowInstanceIsNotFaultedIt", instanceId, instance.Status.ToString().ToLowerInvariant()]);
        return await ViewAsync(instance, network, ct);
    }

    /// <summary>
    /// The instance and its network, for what the actor asks. An instance of a network goes through the network's access; one
    /// without a network (a sample) is the admins' alone, and does not exist for anyone else.
    /// </summary>
    private async Task<(WorkflowInstance Instance, Network? Network)> FindAsync(Actor actor, Guid instanceId, NetworkPermission permission, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        var networkId = await db.Set<Network>().AsNoTracking().Where(n => n.WorkflowInstanceId == instanceId).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
        if (instance is null || (networkId is null && !actor.IsAdmin)) throw new NotFoundException(Words.Current["Problems.ThereIsNoWorkflowInstance", instanceId]);
        return (instance, networkId is { } id ? await access.ReadAsync(actor, id, permission, ct: ct) : null);
    }

    private async Task<IncidentView> ViewAsync(WorkflowInstance instance, Network? network, CancellationToken ct)
    {
        var definition = await definitions.GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        var activity = definition.Activities.FirstOrDefault(a => a.Id == instance.FaultedActivityId);
        var latest = await db.DefinitionVersions.Where(d => d.DefinitionId == instance.DefinitionId && d.IsPublished).MaxAsync(d => (int?)d.Version, ct);
        return new IncidentView(instance.Id, instance.DefinitionId, instance.DefinitionVersion,
            latest > instance.DefinitionVersion ? latest : null, network?.Id, network?.Name, instance.CurrentStage,
            definition.Stages.FirstOrDefault(s => s.Id == instance.CurrentStage)?.Name, activity?.Id, activity?.Type,
            StepLabel.Of(definition, instance.FaultedActivityId), instance.Fault ?? "", instance.FinishedAt ?? instance.UpdatedAt,
            activity is null ? [] : recovery.OutcomesOf(definition, activity.Id));
    }
}
