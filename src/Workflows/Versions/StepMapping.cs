using Koostoo.Language;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Workflows.Versions;

public enum MappingSource
{
    /// <summary>The new version has an activity of the same id and type: the same step.</summary>
    SameId,
    /// <summary>An admin said which activity of the new version it is (a step renamed).</summary>
    ByHand,
    /// <summary>Nothing in the new version takes it: the instance cannot move.</summary>
    Unmapped,
}

public enum MappingProblem
{
    /// <summary>The new version has no activity of this id, and none was named by hand.</summary>
    NotInVersion,
    /// <summary>The activity named (or of the same id) is of another type: what waits would not mean the same there.</summary>
    OtherType,
    /// <summary>The activity named by hand is not in the new version.</summary>
    UnknownTarget,
    /// <summary>Two activities in flight would become the same one.</summary>
    TakenTwice,
}

/// <summary>
/// Where one activity in flight (waiting, or faulted) goes in the new version. <paramref name="To"/> is null when nothing takes
/// it; <paramref name="Problem"/> says why, and then the instance stays on its version.
/// </summary>
public sealed record StepMapping(string From, string Type, string? To, MappingSource How, MappingProblem? Problem = null, string? Message = null);

/// <summary>
/// The proposal of where each activity in flight goes: the same id is the same step; a renamed or removed one goes where an
/// admin says by hand, or blocks the instance. A step only becomes one of its own type, since its bookmarks (answers, timers,
/// commands) and its state are that type's.
/// </summary>
public static class StepMap
{
    public static IReadOnlyList<StepMapping> Propose(WorkflowDefinition from, WorkflowDefinition to, IEnumerable<string> inFlight,
        IReadOnlyDictionary<string, string> byHand)
    {
        var steps = new List<StepMapping>();
        foreach (var id in inFlight.Distinct().Order(StringComparer.Ordinal))
        {
            var type = from.Activities.FirstOrDefault(a => a.Id == id)?.Type ?? "?";
            if (byHand.TryGetValue(id, out var named) && !string.IsNullOrWhiteSpace(named))
            {
                var target = to.Activities.FirstOrDefault(a => a.Id == named);
                steps.Add(target is null
                    ? new(id, type, null, MappingSource.Unmapped, MappingProblem.UnknownTarget,
                        Words.Current["Versions.StepMapping.WasMappedToWhichIsNot", id, named, to.Version].Value)
                    : target.Type != type
                        ? new(id, type, null, MappingSource.Unmapped, MappingProblem.OtherType,
                            Words.Current["Versions.StepMapping.IsAAndAAStep", id, type, named, target.Type].Value)
                        : new(id, type, named, MappingSource.ByHand));
                continue;
            }
            var same = to.Activities.FirstOrDefault(a => a.Id == id);
            steps.Add(same is null
                ? new(id, type, null, MappingSource.Unmapped, MappingProblem.NotInVersion,
                    Words.Current["Versions.StepMapping.IsInFlightButNotIn", id, type, to.Version, from.Version].Value)
                : same.Type != type
                    ? new(id, type, null, MappingSource.Unmapped, MappingProblem.OtherType,
                        Words.Current["Versions.StepMapping.IsAInVersionAndA", id, type, from.Version, same.Type, to.Version].Value)
                    : new(id, type, id, MappingSource.SameId));
        }
        foreach (var twice in steps.Where(s => s.To is not null).GroupBy(s => s.To).Where(g => g.Count() > 1).ToList())
            foreach (var step in twice)
                steps[steps.IndexOf(step)] = step with
                {
                    To = null, How = MappingSource.Unmapped, Problem = MappingProblem.TakenTwice,
                    Message = Words.Current["Versions.StepMapping.WouldAllBecomeWhatEachWaits", string.Join("', '", twice.Select(s => s.From)), twice.Key!].Value,
                };
        return steps;
    }
}
