namespace Koostoo.Workflows.Runtime;

/// <summary>What an activity's execution or resume came to.</summary>
public abstract record ActivityResult
{
    public const string DoneOutcome = "Done";

    /// <summary>Completed; every connection leaving with one of these outcomes is followed.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>Waiting for a stimulus on the bookmarks it has (new ones made through the context).</summary>
    public sealed record Suspended : ActivityResult;

    /// <summary>Waiting for other branches to arrive (Join); no bookmark of its own.</summary>
    public sealed record Waiting(string Reason) : ActivityResult;

    /// <summary>The whole instance ends here with this result label.</summary>
    public sealed record Finished(string Result) : ActivityResult;

    public sealed record Faulted(string Error) : ActivityResult;

    public static ActivityResult Done() => new Completed([DoneOutcome]);
    public static ActivityResult Outcome(params string[] outcomes) => new Completed(outcomes);
    public static ActivityResult Suspend() => new Suspended();
    public static ActivityResult Fault(string error) => new Faulted(error);
}
