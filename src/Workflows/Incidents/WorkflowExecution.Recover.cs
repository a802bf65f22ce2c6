using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Incidents;
using Koostoo.Workflows.Journal;

namespace Koostoo.Workflows.Runtime;

/// <summary>The passes that take a faulted instance on again (docs/versions.md, "Incidents"); run by <see cref="IncidentRecovery"/>.</summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>Runs the faulted activity again from its start, on the version the instance is on now, and what follows it.</summary>
    public async Task RetryAsync(string by)
    {
        var activity = Reopen();
        Log(JournalEvent.Retried, activity, message: $"by {by}");
        _queue.Enqueue((activity.Id, null));
        await RunQueueAsync();
        Settle();
    }

    /// <summary>Completes the faulted activity with <paramref name="outcome"/>, as if it had, and runs what follows.</summary>
    public async Task ContinueAsync(string outcome, string by)
    {
        var activity = Reopen();
        Log(JournalEvent.OutcomeChosen, activity, outcome: outcome, message: $"by {by}");
        foreach (var connection in Definition.ConnectionsFrom(activity.Id, outcome))
            _queue.Enqueue((connection.To, activity.Id));
        await RunQueueAsync();
        Settle();
    }

    private ActivityDefinition Reopen()
    {
        var activity = Definition.Activity(Instance.FaultedActivityId!);
        Instance.Status = InstanceStatus.Running;
        Instance.Fault = null;
        Instance.FaultedActivityId = null;
        Instance.FinishedAt = null;
        Instance.Result = null;
        return activity;
    }
}
