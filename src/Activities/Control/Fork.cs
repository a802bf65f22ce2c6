using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Control;

/// <summary>Every connection leaving with Done runs, side by side; a Join brings them together again.</summary>
[Activity("Fork", Category = "Control", DisplayNameEt = "Hargnemine", DisplayNameEn = "Fork",
    DescriptionEt = "Käivitab kõik väljuvad harud korraga.", DescriptionEn = "Starts every outgoing branch at once.")]
public sealed class Fork : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
