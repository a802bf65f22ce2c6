using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Service.Access;
using Koostoo.Networks.History;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>
/// The coordinator's commands on a step that waits for people (remind now, extend, close, add a member). A command
/// resumes the step's own command bookmark, so it runs in the step's transaction, once, like an answer does; the
/// network's history tells of it in the same transaction.
/// </summary>
public sealed class StepCommands(WorkflowDbContext db, NetworkAccess access, WorkflowRuntime runtime, TimeProvider time)
{
    /// <summary>What a coordinator can send through the API; <c>remove-member</c> comes from <see cref="Membership"/>.</summary>
    public static readonly string[] Names = ["remind", "extend", "close", "add-member"];

    public async Task SendAsync(Actor actor, Guid networkId, string activityId, StepCommand command, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct);
        var told = await HistoryTextAsync(network, activityId, command, ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var bookmark = await db.Bookmarks.AsNoTracking()
                .Where(b => b.InstanceId == network.WorkflowInstanceId && b.ActivityId == activityId && b.Kind == BookmarkKind.Response
                            && b.Key == PeopleStep.CommandKey && b.ConsumedAt == null)
                .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException($"The step '{activityId}' of this network is not waiting for answers now.");
            var result = await runtime.ResumeAsync(bookmark, command.ToStimulus(), ct, told is null ? null : (transaction, _) =>
            {
                NetworkHistory.Add(transaction, networkId, time.GetUtcNow(), told.Value.Et, told.Value.En);
                return Task.CompletedTask;
            });
            if (result.Status == ResumeStatus.Resumed) return;
            if (result.Status != ResumeStatus.AlreadyResumed)
                throw new ConflictException($"The step '{activityId}' of this network is not waiting for answers now.");
            // Another command or the step's own timer went first; the step has a fresh command bookmark if it still waits.
        }
        throw new ConflictException("The step is busy; try again.");
    }

    /// <summary>
    /// The history's words for a coordinator's command, naming the step by its question and a member by the name the
    /// coordinator already sees. A member leaving is told by <see cref="Membership"/>, once, not per step.
    /// </summary>
    private async Task<(string Et, string En)?> HistoryTextAsync(Network network, string activityId, StepCommand command, CancellationToken ct)
    {
        var form = await db.Set<StepRequest>().AsNoTracking()
            .Where(r => r.InstanceId == network.WorkflowInstanceId && r.ActivityId == activityId)
            .OrderByDescending(r => r.CreatedAt).Select(r => r.Form).FirstOrDefaultAsync(ct);
        var question = form is null ? new LocalizedText(activityId) : RequestForm.FromJson(form).Question;
        var (et, en) = ($"„{question.In("et")}“", $"“{question.In("en")}”");
        switch (command)
        {
            case StepCommand.Remind:
                return ($"Vastamata liikmetele saadeti meeldetuletus: {et}.", $"Those who have not answered were reminded: {en}.");
            case StepCommand.Extend { By: var by }:
                var (byEt, byEn) = by.TotalDays >= 1 && by.Hours == 0 && by.Minutes == 0
                    ? ($"{by.TotalDays:0} päeva", $"{by.TotalDays:0} day{(by.TotalDays == 1 ? "" : "s")}")
                    : ($"{by.TotalHours:0.#} tunni", $"{by.TotalHours:0.#} hours");
                return ($"Tähtaega pikendati {byEt} võrra: {et}.", $"The deadline was extended by {byEn}: {en}.");
            case StepCommand.Close:
                return ($"Koordinaator sulges sammu: {et}.", $"The coordinator closed the step: {en}.");
            case StepCommand.AddMember { MemberId: var memberId }:
                var name = await db.Set<Member>().AsNoTracking().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "?";
                return ($"{name} lisati sammu: {et}.", $"{name} was added to the step: {en}.");
            default:
                return null;
        }
    }
}
