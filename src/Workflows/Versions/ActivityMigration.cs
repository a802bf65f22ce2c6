using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Workflows.Versions;

/// <summary>What a waiting activity is told when its instance moves to another version (<see cref="Activity.OnMigratedAsync"/>).</summary>
/// <param name="Previous">The activity as the version the instance ran on had it (its id may differ: a step renamed and mapped by hand).</param>
/// <param name="PreviousActivity">The same, with the old version's inputs bound: of the same type as the new one.</param>
/// <param name="StartedAt">When the activity started waiting (its latest start in the journal); null when the journal does not say.</param>
public sealed record ActivityMigration(ActivityDefinition Previous, Activity PreviousActivity, DateTimeOffset? StartedAt);
