using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Versions;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Workflows.Runtime;

/// <summary>The pass that moves an instance to another version of its definition (docs/versions.md); run by <see cref="VersionMigrator"/>.</summary>
internal sealed partial class WorkflowExecution
{
    /// <summary>Every bookmark that waits now, of every activity.</summary>
    internal IReadOnlyList<Bookmark> Open => _open;

    /// <summary>
    /// Moves the instance, loaded with the target version as its <see cref="Definition"/>, off <paramref name="previous"/>:
    /// its bookmarks keep their ids (a member's link and a timer's job name the bookmark) and their due times, and are
    /// re-keyed to the activity each step becomes; the activities' state moves with them; declared variables the instance
    /// lacks get their defaults; each waiting activity then puts its own timers right for its new inputs. Returns what
    /// the activities noted doing so.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(WorkflowDefinition previous, IReadOnlyList<StepMapping> steps, string by, CancellationToken ct)
    {
        var map = steps.ToDictionary(s => s.From, s => s.To!, StringComparer.Ordinal);
        var waiting = _open.Select(b => b.ActivityId).Distinct().ToList();
        foreach (var bookmark in _open) bookmark.ActivityId = map[bookmark.ActivityId];
        MoveActivityState(map);
        if (Instance.FaultedActivityId is { } faulted) Instance.FaultedActivityId = map[faulted];
        foreach (var variable in Definition.Variables.Where(v => !State.Variables.ContainsKey(v.Name)))
            State.Variables[variable.Name] = variable.Default?.DeepClone();
        Instance.DefinitionVersion = Definition.Version;
        Instance.CurrentStage = StageAfter(steps);

        var before = Db.UnsavedJournal.Count;
        foreach (var old in waiting)
        {
            var was = previous.Activity(old);
            var now = Definition.Activity(map[old]);
            var startedAt = await Db.Journal.AsNoTracking()
                .Where(j => j.InstanceId == Instance.Id && j.ActivityId == old && j.Event == JournalEvent.Started)
                .OrderByDescending(j => j.Id).Select(j => (DateTimeOffset?)j.At).FirstOrDefaultAsync(ct);
            try
            {
                await _registry.Create(now).OnMigratedAsync(new ActivityContext(this, now, null), new ActivityMigration(was, _registry.Create(was), startedAt));
            }
            catch (Exception e) when (e is not OperationCanceledException && !TransientConflict.Is(e))
            {
                throw new InvalidOperationException($"'{old}' could not take what it waits for to version {Definition.Version}: {e.GetType().Name}: {e.Message}", e);
            }
        }
        var notes = Db.UnsavedJournal.Skip(before)
            .Where(j => j.Event == JournalEvent.Note).Select(j => $"{j.ActivityId}: {j.Message}").ToList();

        var renamed = steps.Where(s => s.From != s.To).Select(s => $"{s.From} → {s.To}").ToList();
        Log(JournalEvent.InstanceMigrated, null,
            message: $"{Definition.Id} v{previous.Version} → v{Definition.Version} by {by}{(renamed.Count == 0 ? "" : "; " + string.Join(", ", renamed))}");
        Settle();
        return notes;
    }

    /// <summary>
    /// A step in flight takes its state along under its new id. The others keep theirs where the new version has their id
    /// (a loop coming back to a step finds what it kept) and no step in flight takes it; state of activities the new version
    /// lacks is dropped, as the journal keeps what they did.
    /// </summary>
    private void MoveActivityState(Dictionary<string, string> map)
    {
        var moved = new Dictionary<string, System.Text.Json.Nodes.JsonObject>(StringComparer.Ordinal);
        foreach (var (id, data) in State.Activities)
            if (map.TryGetValue(id, out var to)) moved[to] = data;
        foreach (var (id, data) in State.Activities)
            if (!map.ContainsKey(id) && !moved.ContainsKey(id) && Definition.Activities.Any(a => a.Id == id)) moved[id] = data;
        State.Activities = moved;
    }

    /// <summary>The stage the instance is in now, if a step in flight is in it in the new version; else the first such step's.</summary>
    private string? StageAfter(IReadOnlyList<StepMapping> steps)
    {
        var stages = steps.Select(s => Definition.Activity(s.To!).Stage).OfType<string>().ToList();
        return Instance.CurrentStage is { } current && stages.Contains(current) ? current : stages.FirstOrDefault() ?? Instance.CurrentStage;
    }
}
