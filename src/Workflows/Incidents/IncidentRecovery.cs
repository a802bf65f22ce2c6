using Koostoo.Language;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Workflows.Incidents;

/// <summary>
/// Takes a faulted instance on again: run the faulted activity again (after its definition was fixed and the instance moved
/// to the fixed version), or complete it with an outcome a person chose. Each is one transaction with the revision check,
/// like a resume, so two admins pressing the button at once recover it once. Cancelling is the runtime's own cancel.
/// </summary>
public sealed class IncidentRecovery(WorkflowRuntime runtime, ActivityRegistry registry, TimeProvider time)
{
    /// <param name="by">Who asks, as the journal names them.</param>
    /// <param name="alongside">Runs in the same transaction after the activity ran again (it may have faulted again: see the instance).</param>
    public Task<WorkflowInstance> RetryAsync(Guid instanceId, string by, Func<WorkflowDbContext, WorkflowInstance, Task>? alongside = null,
        CancellationToken ct = default) =>
        RecoverAsync(instanceId, execution => execution.RetryAsync(by), alongside, ct);

    public Task<WorkflowInstance> ContinueAsync(Guid instanceId, string outcome, string by,
        Func<WorkflowDbContext, WorkflowInstance, Task>? alongside = null, CancellationToken ct = default) =>
        RecoverAsync(instanceId, execution =>
        {
            var known = OutcomesOf(execution.Definition, execution.Instance.FaultedActivityId!);
            var chosen = known.FirstOrDefault(o => string.Equals(o, outcome, StringComparison.OrdinalIgnoreCase))
                ?? throw new ConflictException(Words.Current["Incidents.IncidentRecovery.IsNotAnOutcomeOfIts", outcome, execution.Instance.FaultedActivityId!, string.Join(", ", known)].Value);
            return execution.ContinueAsync(chosen, by);
        }, alongside, ct);

    /// <summary>The outcomes a person may continue an activity with: those its type declares, and those its connections leave by.</summary>
    public IReadOnlyList<string> OutcomesOf(WorkflowDefinition definition, string activityId)
    {
        var activity = definition.Activity(activityId);
        var declared = registry.IsKnown(activity.Type) ? registry.Descriptor(activity.Type).Outcomes : [];
        return declared.Concat(definition.Connections.Where(c => c.From == activityId).Select(c => c.Outcome))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private Task<WorkflowInstance> RecoverAsync(Guid instanceId, Func<WorkflowExecution, Task> recover,
        Func<WorkflowDbContext, WorkflowInstance, Task>? alongside, CancellationToken ct) =>
        runtime.InTransactionAsync(async (services, db) =>
        {
            var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, ct)
                ?? throw new NotFoundException(Words.Current["Incidents.IncidentRecovery.ThereIsNoWorkflowInstance", instanceId].Value);
            if (instance.Status != InstanceStatus.Faulted)
                throw new ConflictException(Words.Current["Incidents.IncidentRecovery.WorkflowInstanceIsNotFaultedIt", instanceId, instance.Status.ToString().ToLowerInvariant()].Value);
            if (instance.FaultedActivityId is null)
                throw new ConflictException(Words.Current["Incidents.IncidentRecovery.WorkflowInstanceFaultedOutsideAnyActivity", instanceId].Value);
            var definition = await services.GetRequiredService<DefinitionStore>().GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
            var execution = new WorkflowExecution(db, services, registry, time, definition, instance, []);
            await recover(execution);
            if (alongside is not null) await alongside(db, instance);
            return (instance, execution);
        }, ct);
}
