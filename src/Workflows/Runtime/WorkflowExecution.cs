using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Expressions;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;

namespace Koostoo.Workflows.Runtime;

/// <summary>
/// One pass of the flowchart inside one transaction: runs activities along connections by outcome until
/// every branch waits or the instance ends. Knows nothing of transactions; <see cref="WorkflowRuntime"/> does.
/// Moving an instance to another version and recovering from a fault are passes too, in their own files
/// (Versions/WorkflowExecution.Migrate.cs, Incidents/WorkflowExecution.Recover.cs).
/// </summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>A loop without a waiting step would otherwise spin for ever inside one transaction.</summary>
    public const int MaxStepsPerPass = 10_000;

    private readonly ActivityRegistry _registry;
    private readonly Queue<(string ActivityId, string? From)> _queue = new();
    private readonly List<Bookmark> _open;
    private readonly List<Func<IServiceProvider, CancellationToken, Task>> _afterCommit = [];

    public WorkflowExecution(WorkflowDbContext db, IServiceProvider services, ActivityRegistry registry, TimeProvider time,
        WorkflowDefinition definition, WorkflowInstance instance, List<Bookmark> openBookmarks)
    {
        Db = db;
        Services = services;
        _registry = registry;
        Time = time;
        Definition = definition;
        Instance = instance;
        State = InstanceState.Read(instance.State);
        _open = openBookmarks;
    }

    public WorkflowDbContext Db { get; }
    public IServiceProvider Services { get; }
    public TimeProvider Time { get; }
    public WorkflowDefinition Definition { get; }
    public WorkflowInstance Instance { get; }
    public InstanceState State { get; }
    public List<Bookmark> Created { get; } = [];
    public List<Bookmark> Removed { get; } = [];
    public IReadOnlyList<Func<IServiceProvider, CancellationToken, Task>> AfterCommitActions => _afterCommit;
    public Dictionary<string, object> Pass { get; } = [];

    public async Task StartAsync(JsonObject input)
    {
        State.Input = input;
        foreach (var variable in Definition.Variables)
            State.Variables[variable.Name] = variable.Default?.DeepClone();
        foreach (var (name, value) in input)
            State.Variables[name] = value?.DeepClone();
        Log(JournalEvent.InstanceStarted, null, message: $"{Definition.Id} v{Definition.Version}");
        _queue.Enqueue((Definition.StartActivityId, null));
        await RunQueueAsync();
        Settle();
    }

    public async Task ResumeAsync(Bookmark bookmark, JsonNode? stimulus)
    {
        bookmark.ConsumedAt = Time.GetUtcNow();
        _open.Remove(bookmark);
        var definition = Definition.Activity(bookmark.ActivityId);
        Log(JournalEvent.Resumed, definition, message: bookmark.Key is null ? bookmark.Kind.ToString() : $"{bookmark.Kind} {bookmark.Key}");
        var context = new ActivityContext(this, definition, null);
        var result = await InvokeAsync(() => _registry.Create(definition).ResumeAsync(context, bookmark, stimulus));
        Handle(definition, result);
        await RunQueueAsync();
        Settle();
    }

    public void Cancel(string? reason)
    {
        RemoveAll(_open.ToList());
        End(InstanceStatus.Cancelled, null);
        Log(JournalEvent.InstanceCancelled, null, message: reason);
        Settle();
    }

    /// <summary>
    /// SQLite keeps times to 0.1 ms (EF's binary DateTimeOffset converter truncates); a due time stored truncated would
    /// fire a timer up to 0.1 ms before its moment, so it is rounded up to what is stored.
    /// </summary>
    private static DateTimeOffset RoundUpToStoredPrecision(DateTimeOffset due)
    {
        const long step = TimeSpan.TicksPerMillisecond / 10;
        var ticks = (due.UtcTicks + step - 1) / step * step;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public Bookmark CreateBookmark(string activityId, BookmarkKind kind, string? key, DateTimeOffset? dueAt, string? payload)
    {
        var bookmark = new Bookmark
        {
            InstanceId = Instance.Id,
            ActivityId = activityId,
            Kind = kind,
            Key = key,
            DueAt = dueAt is { } due ? RoundUpToStoredPrecision(due) : null,
            Payload = payload,
            CreatedAt = Time.GetUtcNow(),
        };
        Db.Bookmarks.Add(bookmark);
        _open.Add(bookmark);
        Created.Add(bookmark);
        return bookmark;
    }

    public IReadOnlyList<Bookmark> OpenBookmarksOf(string activityId) => _open.Where(b => b.ActivityId == activityId).ToList();

    public void RemoveBookmark(Bookmark bookmark) => RemoveAll([bookmark]);

    public void AfterCommit(Func<IServiceProvider, CancellationToken, Task> action) => _afterCommit.Add(action);

    public void Log(JournalEvent @event, ActivityDefinition? activity, string? outcome = null, string? message = null) =>
        Db.AddJournalLine(new JournalEntry
        {
            InstanceId = Instance.Id,
            At = Time.GetUtcNow(),
            Event = @event,
            ActivityId = activity?.Id,
            ActivityType = activity?.Type,
            Outcome = outcome,
            Message = message,
        });

    private async Task RunQueueAsync()
    {
        var steps = 0;
        while (Instance.IsActive && _queue.TryDequeue(out var next))
        {
            if (++steps > MaxStepsPerPass)
            {
                Fault(null, Words.Current["Runtime.WorkflowExecution.MoreThanActivitiesRanWithoutWaiting", MaxStepsPerPass].Value);
                return;
            }
            var definition = Definition.Activity(next.ActivityId);
            if (definition.Stage is not null) Instance.CurrentStage = definition.Stage;
            Log(JournalEvent.Started, definition);
            var context = new ActivityContext(this, definition, next.From);
            var result = await InvokeAsync(() => _registry.Create(definition).ExecuteAsync(context));
            Handle(definition, result);
        }
    }

    private static async Task<ActivityResult> InvokeAsync(Func<ValueTask<ActivityResult>> run)
    {
        try
        {
            return await run();
        }
        catch (ExpressionException e)
        {
            return ActivityResult.Fault(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken activity faults its instance, visibly, instead of taking the host down.
            return ActivityResult.Fault($"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Handle(ActivityDefinition activity, ActivityResult result)
    {
        switch (result)
        {
            case ActivityResult.Completed completed:
                RemoveAll(OpenBookmarksOf(activity.Id));
                Log(JournalEvent.Completed, activity, outcome: string.Join(",", completed.Outcomes));
                foreach (var outcome in completed.Outcomes)
                foreach (var connection in Definition.ConnectionsFrom(activity.Id, outcome))
                    _queue.Enqueue((connection.To, activity.Id));
                break;
            case ActivityResult.Suspended:
                if (OpenBookmarksOf(activity.Id).Count == 0)
                {
                    Fault(activity, Words.Current["Runtime.WorkflowExecution.TheActivitySuspendedWithoutAnythingTo"].Value);
                    break;
                }
                Log(JournalEvent.Suspended, activity);
                break;
            case ActivityResult.Waiting waiting:
                Log(JournalEvent.Waiting, activity, message: waiting.Reason);
                break;
            case ActivityResult.Finished finished:
                Log(JournalEvent.Completed, activity, outcome: finished.Result);
                RemoveAll(_open.ToList());
                End(InstanceStatus.Finished, finished.Result);
                Log(JournalEvent.InstanceFinished, activity, outcome: finished.Result);
                break;
            case ActivityResult.Faulted faulted:
                Fault(activity, faulted.Error);
                break;
        }
    }

    private void Fault(ActivityDefinition? activity, string error)
    {
        Log(JournalEvent.Faulted, activity, message: error);
        RemoveAll(_open.ToList());
        End(InstanceStatus.Faulted, null);
        Instance.Fault = error;
        Instance.FaultedActivityId = activity?.Id;
        Log(JournalEvent.InstanceFaulted, activity, message: error);
    }

    private void End(InstanceStatus status, string? result)
    {
        Instance.Status = status;
        Instance.Result = result;
        Instance.FinishedAt = Time.GetUtcNow();
        _queue.Clear();
    }

    private void RemoveAll(IReadOnlyList<Bookmark> bookmarks)
    {
        foreach (var bookmark in bookmarks)
        {
            _open.Remove(bookmark);
            if (Created.Remove(bookmark))
                Db.Bookmarks.Remove(bookmark); // never saved: EF just forgets it
            else
            {
                Db.Bookmarks.Remove(bookmark);
                Removed.Add(bookmark);
            }
        }
    }

    /// <summary>With nothing left to run: waiting if a bookmark is open, else the flowchart has ended.</summary>
    private void Settle()
    {
        if (Instance.IsActive)
        {
            if (_open.Count > 0)
                Instance.Status = InstanceStatus.Suspended;
            else
            {
                End(InstanceStatus.Finished, ActivityResult.DoneOutcome);
                Log(JournalEvent.InstanceFinished, null, outcome: ActivityResult.DoneOutcome);
            }
        }
        Instance.State = State.Write();
        Instance.UpdatedAt = Time.GetUtcNow();
        Instance.Revision++;
    }
}
