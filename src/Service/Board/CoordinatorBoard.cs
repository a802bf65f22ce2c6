using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Board;

/// <summary>
/// Who owes what across every running network the actor may see: the steps still waiting for people, who is silent and
/// for how long, reminders sent; actions past their due date or reported late. And reminding many steps in one go.
/// A network's steps are its own workflow's and those of a review of it running beside it.
/// </summary>
public sealed class CoordinatorBoard(WorkflowDbContext db, NetworkAccess access, NetworkReader reader, StepCommands commands, TimeProvider time,
    IOptions<ReminderOptions> reminders)
{
    public async Task<BoardView> ReadAsync(Actor actor, BoardFilter filter, string language, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = NetworkTime.Today(now);
        var running = (await reader.ListAsync(actor, ct: ct)).Where(n => n.Status == NetworkStatus.Active)
            .Select(n => new BoardNetwork(n.Id, n.Name, n.Stage, n.StageName, n.Stages)).ToList();
        var shown = running.Where(n => (filter.Network is null || n.Id == filter.Network) && (filter.Stage is null || n.Stage == filter.Stage))
            .ToDictionary(n => n.Id);
        var ids = shown.Keys.ToList();
        var instances = await access.Readable(actor).AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.WorkflowInstanceId, n.Language }).ToListAsync(ct);

        var reviews = await db.Set<NetworkReview>().AsNoTracking().Where(r => ids.Contains(r.NetworkId) && r.ClosedAt == null)
            .Select(r => new { r.NetworkId, r.WorkflowInstanceId }).ToListAsync(ct);
        var steps = new List<BoardStep>();
        foreach (var network in instances)
        foreach (var instanceId in reviews.Where(r => r.NetworkId == network.Id).Select(r => (Guid?)r.WorkflowInstanceId).Prepend(network.WorkflowInstanceId))
        {
            var waiting = await WaitingSteps.OfAsync(db, instanceId, ct);
            if (waiting.Count == 0) continue;
            var requests = await db.Set<StepRequest>().AsNoTracking()
                .Where(r => r.NetworkId == network.Id && r.InstanceId == instanceId && r.ClosedAt == null)
                .OrderBy(r => r.CreatedAt).ToListAsync(ct);
            var state = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State).FirstOrDefaultAsync(ct);
            var instanceState = state is null ? null : InstanceState.Read(state);
            foreach (var step in requests.Where(r => waiting.Contains(r.ActivityId)).GroupBy(r => r.ActivityId))
            {
                var silent = step.Where(r => r.Answer is null)
                    .Select(r => new SilentPerson(r.Id, r.MemberId, r.RespondentName, r.CreatedAt, now - r.CreatedAt, r.RemindersSent)).ToList();
                if (silent.Count == 0 || !silent.Any(s => filter.Names(s.Name))) continue;
                var deadline = step.First().Deadline;
                var overdue = deadline is { } due && due < now;
                if (filter.OverdueOnly && !overdue) continue;
                var summary = shown[network.Id];
                steps.Add(new BoardStep(network.Id, summary.Name, summary.Stage, summary.StageName, step.Key,
                    RequestForm.FromJson(step.First().Form).Question.In(language), deadline, overdue, step.Count(), step.Count(r => r.Answer is not null),
                    silent, instanceState is null ? null : PeopleStep.NextReminderByHand(instanceState, step.Key, reminders.Value.ByHandEvery, now)));
            }
        }

        var actions = (await db.Set<ActionItem>().AsNoTracking().Where(a => ids.Contains(a.NetworkId) && a.Status != ActionStatus.Done && a.Status != ActionStatus.Dropped).ToListAsync(ct))
            .Where(a => a.IsOverdue(today) || a.Status == ActionStatus.Late)
            .Where(a => filter.Names(a.OwnerName) && (!filter.OverdueOnly || a.IsOverdue(today)))
            .OrderBy(a => a.DueOn)
            .Select(a => new BoardAction(a.NetworkId, shown[a.NetworkId].Name, a.Id, a.What, a.OwnerName, a.DueOn, a.Status, a.IsOverdue(today)))
            .ToList();

        // The longest silence first: that is who a coordinator would chase first.
        return new BoardView(steps.OrderByDescending(s => s.Silent.Max(p => p.SilentFor)).ToList(), actions, running);
    }

    /// <summary>Reminds the silent people of each step chosen; a step reminded by hand a short while ago is left out, saying when.</summary>
    public async Task<IReadOnlyList<ReminderOutcome>> RemindAsync(Actor actor, IReadOnlyList<StepRef> steps, CancellationToken ct = default)
    {
        var outcomes = new List<ReminderOutcome>();
        foreach (var step in steps.Distinct())
        {
            try
            {
                await commands.SendAsync(actor, step.NetworkId, step.ActivityId, new StepCommand.Remind(), ct);
                outcomes.Add(new ReminderOutcome(step.NetworkId, step.ActivityId, true, null, null));
            }
            catch (TooSoonException soon)
            {
                outcomes.Add(new ReminderOutcome(step.NetworkId, step.ActivityId, false, soon.PossibleAt, null));
            }
            catch (ConflictException conflict)
            {
                outcomes.Add(new ReminderOutcome(step.NetworkId, step.ActivityId, false, null, conflict.Message));
            }
        }
        return outcomes;
    }
}

/// <summary>A waiting step of a network, as the board's rows name them.</summary>
public sealed record StepRef(Guid NetworkId, string ActivityId);

/// <param name="PossibleAt">When the step was left out because it was reminded a short while ago: when it can be.</param>
/// <param name="Problem">Why else it was left out (the step no longer waits).</param>
public sealed record ReminderOutcome(Guid NetworkId, string ActivityId, bool Reminded, DateTimeOffset? PossibleAt, string? Problem);
