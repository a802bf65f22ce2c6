using System.Text.Json.Nodes;
using Koostoo.Networks.Requests;

namespace Koostoo.Activities.Requests;

/// <summary>
/// Where a step stands: who was asked, who answered, and, for a yes/no decision, whether the yes side has
/// reached the quorum (Approved) or can no longer reach it (Rejected).
/// </summary>
public sealed record StepTally(int Asked, int Answered, int Needed, int Yes, int No, bool HasDecision)
{
    public static StepTally Of(IReadOnlyList<StepRequest> requests, string quorum, string? decisionField)
    {
        var answers = requests.Where(r => r.Answer is not null).Select(r => JsonNode.Parse(r.Answer!)!.AsObject()).ToList();
        var yes = decisionField is null ? 0 : answers.Count(a => a[decisionField]?.GetValue<bool>() == true);
        var no = decisionField is null ? 0 : answers.Count(a => a[decisionField]?.GetValue<bool>() == false);
        return new StepTally(requests.Count, answers.Count, Quorum.Needed(quorum, requests.Count), yes, no, decisionField is not null);
    }

    public bool Approved => HasDecision && Asked > 0 && Yes >= Needed;
    public bool Rejected => HasDecision && Asked > 0 && No > Asked - Needed;
    public bool QuorumReached => HasDecision ? Approved || Rejected : Asked > 0 && Answered >= Needed;

    /// <summary>
    /// The outcomes a step completes with: Done, and the decision when there is one; Timeout when it closes
    /// (deadline, or the coordinator) without its quorum.
    /// </summary>
    public IReadOnlyList<string> Outcomes()
    {
        if (!QuorumReached) return [AskMembers.TimeoutOutcome];
        if (Approved) return [Workflows.Runtime.ActivityResult.DoneOutcome, AskMembers.ApprovedOutcome];
        if (Rejected) return [Workflows.Runtime.ActivityResult.DoneOutcome, AskMembers.RejectedOutcome];
        return [Workflows.Runtime.ActivityResult.DoneOutcome];
    }
}
