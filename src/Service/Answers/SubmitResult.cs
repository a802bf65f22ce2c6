namespace Koostoo.Service.Answers;

public enum SubmitResult
{
    Saved,
    /// <summary>The form was for an earlier state: the same answer posted twice, or a form from another request.</summary>
    Stale,
    Closed,
}
