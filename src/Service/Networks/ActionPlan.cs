using Koostoo.Language;
using System.Globalization;
using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.History;
using Koostoo.Networks.Members;
using Koostoo.Service.Access;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>A new action as the coordinator writes it; what is missing or wrong comes back by field.</summary>
public sealed record ActionDraft(string? What, Guid? OwnerMemberId, DateOnly? DueOn, string? Needs = null);

/// <summary>An action's words and due date as they are to be.</summary>
public sealed record ActionChange(string? What, DateOnly? DueOn);

/// <summary>Who is to own an action from now on.</summary>
public sealed record ActionReassignment(Guid? OwnerMemberId);

/// <summary>
/// The coordinator shapes the action plan (docs/coordinator.md, "Shaping the plan"): adds an action with its owner and
/// due date, changes its words and due date, gives it to another member, drops it. The members propose the plan in the
/// plan stage; while it is followed (the execution stage) it is the coordinator's to shape. Each change is checked here
/// (a field at fault is named, nothing is saved), then carried out by the step that follows the plan, in its own
/// transaction with the records and the history, so that what the step asks about and what the records say never part.
/// </summary>
public sealed class ActionPlan(WorkflowDbContext db, NetworkAccess access, StepCommands commands, DefinitionStore definitions, TimeProvider time)
{
    public const int WhatLength = 500;
    public const int NeedsLength = 2000;
    private const string FollowingStep = "TrackActions";

    /// <summary>The step that follows the network's plan now, if one does: only then can the plan be shaped.</summary>
    private async Task<string?> FollowingStepAsync(Guid? instanceId, CancellationToken ct)
    {
        var waiting = await WaitingSteps.OfAsync(db, instanceId, ct);
        if (waiting.Count == 0) return null;
        var definition = await DefinitionOfAsync(instanceId, ct);
        return waiting.FirstOrDefault(id => definition?.Activities.FirstOrDefault(a => a.Id == id)?.Type == FollowingStep);
    }

    /// <summary>Whether this actor may shape this network's plan now: she coordinates it, it is active, and its plan is followed.</summary>
    public async Task<bool> ShapeableAsync(Actor actor, Guid networkId, CancellationToken ct = default)
    {
        Network network;
        try
        {
            network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        }
        catch (ForbiddenException)
        {
            return false;
        }
        return network.Status == NetworkStatus.Active && await FollowingStepAsync(network.WorkflowInstanceId, ct) is not null;
    }

    public async Task<ActionView> GetAsync(Actor actor, Guid networkId, Guid actionId, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct);
        return await ViewAsync(networkId, actionId, ct);
    }

    public async Task<ActionView> AddAsync(Actor actor, Guid networkId, ActionDraft draft, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var step = await StepAsync(network, ct);
        var errors = new Dictionary<string, string[]>();
        var what = What(draft.What, errors);
        var due = Due(draft.DueOn, errors);
        var owner = Owner(network, draft.OwnerMemberId, errors);
        var needs = string.IsNullOrWhiteSpace(draft.Needs) ? null : draft.Needs.Trim();
        if (needs?.Length > NeedsLength)
            errors["needs"] = [Words.Current["Networks.ActionPlan.WhatIsNeededIsLongerThan", NeedsLength]];
        if (errors.Count > 0) throw new RequestRejectedException(errors);

        var id = Guid.NewGuid();
        await commands.ResumeAsync(actor, network, step, new StepCommand.AddAction(id, what, owner!.Id, due, needs),
            (HistoryKind.ActionAdded, new() { ["action"] = what, ["owner"] = owner.Name, ["due"] = Iso(due) }), ct,
            Happened(id, _ => true));
        return await AppliedAsync(networkId, id, _ => true, ct);
    }

    public async Task<ActionView> EditAsync(Actor actor, Guid networkId, Guid actionId, ActionChange change, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var step = await StepAsync(network, ct);
        var action = await OpenActionAsync(networkId, actionId, ct);
        var errors = new Dictionary<string, string[]>();
        var what = What(change.What, errors);
        // A due date left as it was may be past already (an overdue action's words corrected); a new one may not.
        var due = change.DueOn == action.DueOn ? action.DueOn : Due(change.DueOn, errors);
        if (errors.Count > 0) throw new RequestRejectedException(errors);
        if (what == action.What && due == action.DueOn) return await ViewAsync(networkId, actionId, ct);

        await commands.ResumeAsync(actor, network, step, new StepCommand.EditAction(actionId, what, due),
            (HistoryKind.ActionEdited, new()
            {
                ["was"] = action.What, ["action"] = what, ["owner"] = action.OwnerName, ["due"] = Iso(due), ["wasDue"] = Iso(action.DueOn),
            }), ct, Happened(actionId, Edited));
        return await AppliedAsync(networkId, actionId, Edited, ct);

        bool Edited(ActionItem a) => a.What == what && a.DueOn == due;
    }

    public async Task<ActionView> ReassignAsync(Actor actor, Guid networkId, Guid actionId, ActionReassignment reassignment, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var step = await StepAsync(network, ct);
        var action = await OpenActionAsync(networkId, actionId, ct);
        var errors = new Dictionary<string, string[]>();
        var owner = Owner(network, reassignment.OwnerMemberId, errors);
        if (owner is not null && owner.Id == action.OwnerMemberId)
            errors["ownerMemberId"] = [Words.Current["Networks.ActionPlan.ThisMemberOwnsTheActionAlready"]];
        if (errors.Count > 0) throw new RequestRejectedException(errors);

        await commands.ResumeAsync(actor, network, step, new StepCommand.ReassignAction(actionId, owner!.Id),
            (HistoryKind.ActionReassigned, new() { ["action"] = action.What, ["from"] = action.OwnerName, ["to"] = owner.Name }), ct,
            Happened(actionId, Reassigned));
        return await AppliedAsync(networkId, actionId, Reassigned, ct);

        bool Reassigned(ActionItem a) => a.OwnerMemberId == owner.Id;
    }

    public async Task<ActionView> DropAsync(Actor actor, Guid networkId, Guid actionId, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var step = await StepAsync(network, ct);
        var action = await OpenActionAsync(networkId, actionId, ct);
        await commands.ResumeAsync(actor, network, step, new StepCommand.DropAction(actionId),
            (HistoryKind.ActionDropped, new() { ["action"] = action.What, ["owner"] = action.OwnerName }), ct,
            Happened(actionId, Dropped));
        return await AppliedAsync(networkId, actionId, Dropped, ct);

        static bool Dropped(ActionItem a) => a.Status == ActionStatus.Dropped;
    }

    /// <summary>
    /// Whether the step carried the change out, read in its transaction: the owner may have marked the action done in the
    /// same moment, and then the step changes nothing and the history tells nothing.
    /// </summary>
    private static Func<WorkflowDbContext, Task<bool>> Happened(Guid actionId, Func<ActionItem, bool> changed) =>
        async transaction => await transaction.Set<ActionItem>().FindAsync(actionId) is { } action && changed(action);

    /// <summary>The action as changed, or a 409 when the step found it no longer open and changed nothing.</summary>
    private async Task<ActionView> AppliedAsync(Guid networkId, Guid actionId, Func<ActionItem, bool> changed, CancellationToken ct)
    {
        var action = await db.Set<ActionItem>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId && a.NetworkId == networkId, ct);
        if (action is null || !changed(action))
            throw new ConflictException(Words.Current["Networks.ActionPlan.TheActionChangedMeanwhileMarkedDone"]);
        return await ViewAsync(networkId, actionId, ct);
    }

    /// <summary>The step following the plan, or a 409 that says when the plan can be shaped.</summary>
    private async Task<string> StepAsync(Network network, CancellationToken ct)
    {
        if (await FollowingStepAsync(network.WorkflowInstanceId, ct) is { } step) return step;
        var waiting = await WaitingSteps.OfAsync(db, network.WorkflowInstanceId, ct);
        var definition = waiting.Count == 0 ? null : await DefinitionOfAsync(network.WorkflowInstanceId, ct);
        var collecting = waiting.Any(id => definition?.Activities.FirstOrDefault(a => a.Id == id)?.Inputs["record"]?.ToString() == "plan");
        throw new ConflictException(collecting
            ? Words.Current["Networks.ActionPlan.TheMembersAreStillProposingActions"]
            : Words.Current["Networks.ActionPlan.NoActionPlanIsFollowedNow"]);
    }

    private async Task<WorkflowDefinition?> DefinitionOfAsync(Guid? instanceId, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.DefinitionId, i.DefinitionVersion }).FirstOrDefaultAsync(ct);
        return instance is null ? null : await definitions.GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
    }

    /// <summary>An action of this network still to be carried out: another network's is not found, a done or dropped one not changed.</summary>
    private async Task<ActionItem> OpenActionAsync(Guid networkId, Guid actionId, CancellationToken ct)
    {
        var action = await db.Set<ActionItem>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId && a.NetworkId == networkId, ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoAction", networkId, actionId]);
        if (!action.IsOpen)
            throw new ConflictException(action.Status == ActionStatus.Done
                ? Words.Current["Networks.ActionPlan.ThisActionIsDoneAlreadyIt"]
                : Words.Current["Networks.ActionPlan.ThisActionWasDroppedFromThe"]);
        return action;
    }

    private async Task<ActionView> ViewAsync(Guid networkId, Guid actionId, CancellationToken ct)
    {
        var a = await db.Set<ActionItem>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId && a.NetworkId == networkId, ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoAction", networkId, actionId]);
        return new ActionView(a.Id, a.What, a.OwnerMemberId, a.OwnerName, a.DueOn, a.Needs, a.Status,
            a.IsOverdue(NetworkTime.Today(time.GetUtcNow())), a.DoneAt, a.EscalatedAt);
    }

    private static string What(string? text, Dictionary<string, string[]> errors)
    {
        var what = text?.Trim() ?? "";
        if (what.Length == 0) errors["what"] = [Words.Current["Networks.ActionPlan.SayWhatIsToBeDone"]];
        else if (what.Length > WhatLength) errors["what"] = [Words.Current["Networks.ActionPlan.TheActionIsLongerThanCharacters", WhatLength]];
        return what;
    }

    /// <summary>The same rule as a member's answer (a date field that may not be past): today, in Estonia, or later.</summary>
    private DateOnly Due(DateOnly? due, Dictionary<string, string[]> errors)
    {
        var today = NetworkTime.Today(time.GetUtcNow());
        if (due is null) errors["dueOn"] = [Words.Current["Networks.ActionPlan.ChooseADueDate"]];
        else if (due < today)
            errors["dueOn"] = [Words.Current["Requests.FormAnswers.DatePassed", DateText.InFigures(today, Words.Current.Language)]];
        return due ?? today;
    }

    private static Member? Owner(Network network, Guid? memberId, Dictionary<string, string[]> errors)
    {
        var owner = network.Members.FirstOrDefault(m => m.Id == memberId && m.IsActive);
        if (owner is null) errors["ownerMemberId"] = [Words.Current["Networks.ActionPlan.ChooseTheOwnerAmongTheNetwork"]];
        return owner;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
