using Koostoo.Language;
using System.Text.Json.Nodes;
using System.Xml;
using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
using Koostoo.Service.Access;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>
/// The coordinator's commands on a step that waits for people (remind now, extend, close, add a member). A command
/// resumes the step's own command bookmark, so it runs in the step's transaction, once, like an answer does; the
/// network's history tells of it in the same transaction. A step is the network's own workflow's, or that of a review
/// of the network running beside it (docs/coordinator.md, "Reviewing the network"), such as one reminded from the board.
/// </summary>
public sealed class StepCommands(WorkflowDbContext db, NetworkAccess access, WorkflowRuntime runtime, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> reminders)
{
    /// <summary>What a coordinator can send through the API; <c>remove-member</c> comes from <see cref="Membership"/>.</summary>
    public static readonly string[] Names = ["remind", "extend", "close", "add-member"];

    public async Task SendAsync(Actor actor, Guid networkId, string activityId, StepCommand command, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var instanceId = await InstanceOfStepAsync(network, activityId, ct);
        if (command is StepCommand.Remind) await RefuseReminderTooSoonAsync(instanceId, activityId, ct);
        await ResumeAsync(actor, network, activityId, command, await HistoryEventAsync(instanceId, activityId, command, ct), ct, instanceId: instanceId);
    }

    /// <summary>The network's own workflow when the step waits there, else an open review's where it waits there.</summary>
    private async Task<Guid?> InstanceOfStepAsync(Network network, string activityId, CancellationToken ct)
    {
        if (await WaitsInAsync(network.WorkflowInstanceId, activityId, ct)) return network.WorkflowInstanceId;
        var review = await db.Set<NetworkReview>().AsNoTracking().Where(r => r.NetworkId == network.Id && r.ClosedAt == null)
            .Select(r => (Guid?)r.WorkflowInstanceId).FirstOrDefaultAsync(ct);
        return review is not null && await WaitsInAsync(review, activityId, ct) ? review : network.WorkflowInstanceId;
    }

    private Task<bool> WaitsInAsync(Guid? instanceId, string activityId, CancellationToken ct) =>
        db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId && b.ActivityId == activityId && b.Kind == BookmarkKind.Response
                                   && b.Key == PeopleStep.CommandKey && b.ConsumedAt == null, ct);

    /// <summary>Hands the command to the step's command bookmark; the history tells of it (when <paramref name="told"/>) in the step's transaction.</summary>
    /// <param name="happened">Whether the step did what the command asked, read in its transaction after it ran; when not, the history tells nothing.</param>
    /// <param name="instanceId">The instance whose step it is, when not the network's own workflow (a review's).</param>
    internal async Task ResumeAsync(Actor actor, Network network, string activityId, StepCommand command, (HistoryKind Kind, JsonObject Arguments)? told,
        CancellationToken ct, Func<WorkflowDbContext, Task<bool>>? happened = null, Guid? instanceId = null)
    {
        var networkId = network.Id;
        instanceId ??= network.WorkflowInstanceId;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var bookmark = await db.Bookmarks.AsNoTracking()
                .Where(b => b.InstanceId == instanceId && b.ActivityId == activityId && b.Kind == BookmarkKind.Response
                            && b.Key == PeopleStep.CommandKey && b.ConsumedAt == null)
                .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException(Words.Current["Problems.TheStepOfThisNetworkIs", activityId]);
            var result = await runtime.ResumeAsync(bookmark, command.ToStimulus(), told is null ? null : async (transaction, _) =>
            {
                if (happened is null || await happened(transaction))
                    NetworkHistory.Add(transaction, networkId, time.GetUtcNow(), told.Value.Kind, actor.ForHistory(), told.Value.Arguments);
            }, ct);
            if (result.Status == ResumeStatus.Resumed) return;
            if (result.Status != ResumeStatus.AlreadyResumed)
                throw new ConflictException(Words.Current["Problems.TheStepOfThisNetworkIs", activityId]);
            // Another command or the step's own timer went first; the step has a fresh command bookmark if it still waits.
        }
        throw new ConflictException(Words.Current["Problems.TheStepIsBusyTryAgain"]);
    }

    /// <summary>A reminder by hand at most once in <see cref="ReminderOptions.ByHandEvery"/> per step (the step keeps when).</summary>
    private async Task RefuseReminderTooSoonAsync(Guid? instanceId, string activityId, CancellationToken ct)
    {
        var state = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State).FirstOrDefaultAsync(ct);
        if (state is not null && PeopleStep.NextReminderByHand(InstanceState.Read(state), activityId, reminders.Value.ByHandEvery, time.GetUtcNow()) is { } next)
            throw new TooSoonException(next);
    }

    /// <summary>
    /// What the history keeps of a coordinator's command: the step by its question and a member by the name the
    /// coordinator already sees. A member leaving is told by <see cref="Membership"/>, once, not per step.
    /// </summary>
    private async Task<(HistoryKind Kind, JsonObject Arguments)?> HistoryEventAsync(Guid? instanceId, string activityId, StepCommand command, CancellationToken ct)
    {
        var form = await db.Set<StepRequest>().AsNoTracking()
            .Where(r => r.InstanceId == instanceId && r.ActivityId == activityId)
            .OrderByDescending(r => r.CreatedAt).Select(r => r.Form).FirstOrDefaultAsync(ct);
        var question = NetworkHistory.Localized(form is null ? new LocalizedText(activityId) : RequestForm.FromJson(form).Question);
        switch (command)
        {
            case StepCommand.Remind:
                return (HistoryKind.StepReminded, new() { ["question"] = question });
            case StepCommand.Extend { By: var by }:
                return (HistoryKind.DeadlineExtended, new() { ["question"] = question, ["by"] = XmlConvert.ToString(by) });
            case StepCommand.Close:
                return (HistoryKind.StepClosedByCoordinator, new() { ["question"] = question });
            case StepCommand.AddMember { MemberId: var memberId }:
                var name = await db.Set<Member>().AsNoTracking().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "?";
                return (HistoryKind.MemberAddedToStep, new() { ["question"] = question, ["member"] = name });
            default:
                return null;
        }
    }
}
