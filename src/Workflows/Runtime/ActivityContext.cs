using System.Text.Json;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Expressions;
using Koostoo.Workflows.Persistence;

namespace Koostoo.Workflows.Runtime;

/// <summary>What an activity sees while it runs: its instance, its data, the database transaction it runs in.</summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution _execution;

    internal ActivityContext(WorkflowExecution execution, ActivityDefinition activity, string? arrivedFrom)
    {
        _execution = execution;
        Activity = activity;
        ArrivedFrom = arrivedFrom;
    }

    public ActivityDefinition Activity { get; }
    /// <summary>The activity whose outcome led here; null for the start activity and on resume.</summary>
    public string? ArrivedFrom { get; }
    public WorkflowDefinition Definition => _execution.Definition;
    public WorkflowInstance Instance => _execution.Instance;
    public InstanceState State => _execution.State;
    public JsonObject Variables => _execution.State.Variables;
    /// <summary>This activity's own data in the instance state, kept between stimuli.</summary>
    public JsonObject Data => _execution.State.DataOf(Activity.Id);
    /// <summary>The scoped services of this transaction: the same DbContext as the runtime's.</summary>
    public IServiceProvider Services => _execution.Services;
    public WorkflowDbContext Db => _execution.Db;
    public TimeProvider Time => _execution.Time;
    public DateTimeOffset Now => _execution.Time.GetUtcNow();

    /// <summary>
    /// What the activities of this pass remember between them, such as which rows they have already read; forgotten when
    /// the pass ends, as its tracked rows are.
    /// </summary>
    public IDictionary<string, object> Pass => _execution.Pass;

    public bool IsTrue(string expression) => JavaScript.IsTrue(expression, State);
    public JsonNode? Evaluate(string expression) => JavaScript.Evaluate(expression, State);

    public Bookmark CreateBookmark(BookmarkKind kind, string? key = null, DateTimeOffset? dueAt = null, object? payload = null) =>
        _execution.CreateBookmark(Activity.Id, kind, key, dueAt?.ToUniversalTime(),
            payload is null ? null : JsonSerializer.Serialize(payload, WorkflowJson.Options));

    /// <summary>This activity's bookmarks that still wait.</summary>
    public IReadOnlyList<Bookmark> OpenBookmarks => _execution.OpenBookmarksOf(Activity.Id);

    public void RemoveBookmark(Bookmark bookmark) => _execution.RemoveBookmark(bookmark);

    /// <summary>Work to do once the transaction has committed (enqueue an email job...); never before.</summary>
    public void AfterCommit(Func<IServiceProvider, CancellationToken, Task> action) => _execution.AfterCommit(action);

    /// <summary>A line of the instance's journal in this activity's name.</summary>
    public void Log(string message) => _execution.Log(Journal.JournalEvent.Note, Activity, message: message);
}
