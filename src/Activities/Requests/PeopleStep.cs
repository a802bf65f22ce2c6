using System.Text.Json.Nodes;
using System.Xml;
using Koostoo.Activities.Networks;
using Koostoo.Activities.Timers;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koostoo.Activities.Requests;

/// <summary>
/// A waiting step whose requests go to people of a network (AskMembers, TrackActions), and so takes the coordinator's
/// <see cref="StepCommand"/>s on a bookmark of its own. What every such step does with a command is done here once:
/// close, remind, extend the deadline, and waiting for the next command; the steps say whom a reminder reaches, how a
/// member joins or leaves them, when they are settled and how they close.
/// </summary>
public abstract class PeopleStep : WaitingActivity
{
    /// <summary>The key of the bookmark a waiting step takes the coordinator's commands on: it marks a step that waits for people.</summary>
    public const string CommandKey = "command";
    private const string RemindedByHandKey = "remindedByHand";

    /// <summary>When the step's silent people may next be reminded by hand; null when now.</summary>
    public static DateTimeOffset? NextReminderByHand(InstanceState state, string activityId, TimeSpan every, DateTimeOffset now) =>
        state.Activities.TryGetValue(activityId, out var data) ? NextReminderByHand(data, every, now) : null;

    private static DateTimeOffset? NextReminderByHand(JsonObject data, TimeSpan every, DateTimeOffset now) =>
        data[RemindedByHandKey] is JsonValue at && at.TryGetValue<DateTimeOffset>(out var last) && last + every > now ? last + every : null;

    /// <summary>Starts the deadline and reminders and takes commands from now on; call when the step starts waiting.</summary>
    protected void StartWaiting(ActivityContext context)
    {
        StartTimers(context);
        context.CreateBookmark(BookmarkKind.Response, CommandKey);
    }

    /// <summary>The step's deadline as it stands (extensions included), if it has one.</summary>
    protected static DateTimeOffset? DeadlineOf(ActivityContext context) =>
        context.OpenBookmarks.FirstOrDefault(b => b.Key == DeadlineKey)?.DueAt;

    protected sealed override async ValueTask<ActivityResult> OnStimulusAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus) =>
        bookmark.Key == CommandKey
            ? await OnCommandAsync(context, StepCommand.FromStimulus(stimulus))
            : await OnStepStimulusAsync(context, bookmark, stimulus);

    /// <summary>What the step itself waits for besides commands: an answer, or a timer of its own (a check-in).</summary>
    protected abstract ValueTask<ActivityResult> OnStepStimulusAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus);

    /// <summary>Whether a journal note says that this step's silent people were reminded (by its timer or by hand).</summary>
    public static bool IsReminderNote(string? message) =>
        message is not null && (message.StartsWith("Reminder ", StringComparison.Ordinal) || message.StartsWith(ReminderByHandNote, StringComparison.Ordinal));

    private const string ReminderByHandNote = "The coordinator sent a reminder to ";

    protected sealed override async ValueTask OnReminderAsync(ActivityContext context, int number) =>
        context.Log($"Reminder {number}: {await RemindSilentAsync(context, note: null)} {Silent} were reminded.");

    private async Task<ActivityResult> OnCommandAsync(ActivityContext context, StepCommand command)
    {
        switch (command)
        {
            case StepCommand.Close:
                return await CloseAsync(context);
            case StepCommand.Remind:
                var every = context.Services.GetService<IOptions<ReminderOptions>>()?.Value.ByHandEvery ?? new ReminderOptions().ByHandEvery;
                // The service refuses a reminder too soon before it gets here; two pressed in the same moment meet here, in order.
                if (NextReminderByHand(context.Data, every, context.Now) is { } next)
                {
                    context.Log($"A reminder by hand was refused: the next one is possible at {next:O}.");
                    break;
                }
                context.Data[RemindedByHandKey] = context.Now;
                context.Log($"{ReminderByHandNote}{await RemindSilentAsync(context, note: null)} {Silent}.");
                break;
            case StepCommand.Extend extend:
                await MoveDeadlineAsync(context, (DeadlineOf(context) ?? context.Now) + extend.By);
                context.Log($"The coordinator extended the deadline by {XmlConvert.ToString(extend.By)}.");
                break;
            case StepCommand.AddMember add:
                await AddMemberAsync(context, add.MemberId);
                break;
            case StepCommand.RemoveMember remove:
                await RemoveMemberAsync(context, remove.MemberId);
                break;
            case StepCommand.PlanCommand plan:
                await OnPlanCommandAsync(context, plan);
                break;
        }
        context.CreateBookmark(BookmarkKind.Response, CommandKey);
        return await SettleAsync(context);
    }

    /// <summary>The deadline is now <paramref name="deadline"/>: its timer moves, and the requests that carry the step's deadline follow.</summary>
    protected async Task MoveDeadlineAsync(ActivityContext context, DateTimeOffset deadline)
    {
        if (context.OpenBookmarks.FirstOrDefault(b => b.Key == DeadlineKey) is { } current) context.RemoveBookmark(current);
        // What the timer stores (to the database's precision) is the deadline the requests show.
        await OnDeadlineMovedAsync(context, context.CreateBookmark(BookmarkKind.Timer, DeadlineKey, deadline).DueAt!.Value);
    }

    /// <summary>The open requests carry the step's deadline, which their reminders and calendar entries show.</summary>
    protected override async Task OnDeadlineMovedAsync(ActivityContext context, DateTimeOffset deadline)
    {
        foreach (var request in await OpenRequests.OfAsync(context)) request.Deadline = deadline;
    }

    /// <summary>
    /// The step's open requests follow it to its id in the new version (a step renamed and mapped by hand), before its timers
    /// move: a member's link finds the request, the request its bookmark, and the step counts the answers given before.
    /// </summary>
    public override async ValueTask OnMigratedAsync(ActivityContext context, ActivityMigration migration)
    {
        if (migration.Previous.Id != context.Activity.Id)
        {
            var requests = context.NetworkDb().StepRequests;
            await requests.Where(r => r.InstanceId == context.Instance.Id && r.ActivityId == migration.Previous.Id && r.ClosedAt == null).LoadAsync();
            foreach (var request in requests.Local.Where(r => r.InstanceId == context.Instance.Id && r.ActivityId == migration.Previous.Id && r.ClosedAt == null))
                request.ActivityId = context.Activity.Id;
        }
        await base.OnMigratedAsync(context, migration);
    }

    /// <summary>Whom a reminder reaches, as the journal names them ("member(s) not yet answered").</summary>
    protected abstract string Silent { get; }

    /// <summary>Reminds those the step still waits for, with an optional note; returns how many.</summary>
    protected abstract Task<int> RemindSilentAsync(ActivityContext context, LocalizedText? note);

    /// <summary>The coordinator asks a member who joined after the step started in it too.</summary>
    protected abstract Task AddMemberAsync(ActivityContext context, Guid memberId);

    /// <summary>A member left the network; the step no longer waits for them.</summary>
    protected abstract Task RemoveMemberAsync(ActivityContext context, Guid memberId);

    /// <summary>The coordinator shapes the action plan; only a step that follows the plan (TrackActions) takes it.</summary>
    protected virtual Task OnPlanCommandAsync(ActivityContext context, StepCommand.PlanCommand command)
    {
        context.Log($"'{command.GetType().Name}' changes nothing here: this step does not follow the action plan.");
        return Task.CompletedTask;
    }

    /// <summary>After an answer or a command: close when the step has what it waits for, else keep waiting.</summary>
    protected abstract Task<ActivityResult> SettleAsync(ActivityContext context);

    /// <summary>Closes the step with what it has: its requests stop taking answers.</summary>
    protected abstract Task<ActivityResult> CloseAsync(ActivityContext context);
}
