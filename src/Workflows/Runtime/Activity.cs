using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Workflows.Runtime;

/// <summary>
/// A step of a flowchart. A fresh object is made for every execution and resume, with the
/// properties marked <see cref="InputAttribute"/> filled from the definition's <c>inputs</c>;
/// what must survive between stimuli goes into <see cref="ActivityContext.Data"/> or bookmarks.
/// </summary>
public abstract class Activity
{
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called with a stimulus for one of this activity's bookmarks.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? stimulus) =>
        ValueTask.FromResult(ActivityResult.Done());

    /// <summary>
    /// The instance moved to another version of its definition while this activity waited (docs/versions.md). This is the new
    /// version's activity, with its bookmarks already moved to it; one whose timers follow its inputs puts them right here.
    /// Throwing leaves the instance where it was, with the exception's message as the reason.
    /// </summary>
    public virtual ValueTask OnMigratedAsync(ActivityContext context, Versions.ActivityMigration migration) => ValueTask.CompletedTask;

    /// <summary>Checks beyond "required" and "right type" (durations, expressions, cron...), run when a definition is loaded.</summary>
    public virtual IEnumerable<DefinitionProblem> Validate(ActivityValidationContext context) => [];
}

/// <summary>What <see cref="Activity.Validate"/> gets: the activity's place in the definition, for paths.</summary>
public sealed record ActivityValidationContext(WorkflowDefinition Definition, ActivityDefinition Activity, string Path)
{
    public string InputPath(string input) => $"{Path}.inputs.{input}";
}
