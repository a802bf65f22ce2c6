using Koostoo.Language;
using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Answers;

/// <summary>What a member typed to hand their request to a colleague.</summary>
public sealed record HandOverDraft(string Name, string Email, string? Note);

public enum HandOverOutcome
{
    HandedOver,
    /// <summary>The form has errors, each by its field; nothing was saved.</summary>
    Invalid,
    /// <summary>The page was for an earlier state of the request (answered or handed over since).</summary>
    Stale,
    /// <summary>The request takes no hand-over: closed, answered, the coordinator's own, or a check-in of an action.</summary>
    NotPossible,
}

/// <summary>What the request page says of hand-overs: whether it offers one, and who handed the request on (null when the step asked them itself).</summary>
public sealed record HandOverFacts(bool IsPossible, string? HandedBy);

public sealed record HandOverResult(HandOverOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    public static HandOverResult Of(HandOverOutcome outcome) => new(outcome, new Dictionary<string, string>());
}

/// <summary>
/// A member hands their request to a colleague from the request page (docs/requests.md, "Handing a request on"). The
/// rules a member can break are checked here, each named by its field in the page's language, before the step is resumed;
/// the step itself does the hand-over in its own transaction, once.
/// </summary>
public sealed class RequestHandOver(KoostooDbContext db, WorkflowRuntime runtime, DefinitionStore definitions)
{
    /// <summary>
    /// What the request page says of hand-overs for an open request: whether it offers one (an unanswered request to a
    /// member in a step that asks members; an action's check-in is not handed on by its owner, the coordinator reassigns
    /// the action), and who handed the request on to its respondent.
    /// </summary>
    public async Task<HandOverFacts> FactsAsync(StepRequest request, CancellationToken ct = default)
    {
        var found = await FactsOf.For(db)(db, request.InstanceId, request.Id, ct);
        if (found is null) return new HandOverFacts(false, null);
        var possible = request.IsOpen && request.Answer is null && request.MemberId is not null
            && (await definitions.GetRunnableAsync(found.DefinitionId, found.DefinitionVersion, ct)).Activities
                .FirstOrDefault(a => a.Id == request.ActivityId)?.Type == "AskMembers";
        return new HandOverFacts(possible, found.HandedBy);
    }

    private sealed record Found(string DefinitionId, int DefinitionVersion, string? HandedBy);

    // Every request page shown for an open request asks this: one statement, compiled (docs/scale.md, The request page).
    private static readonly CompiledPerModel<Func<KoostooDbContext, Guid, Guid, CancellationToken, Task<Found?>>> FactsOf = new(() => EF.CompileAsyncQuery(
        (KoostooDbContext db, Guid instanceId, Guid requestId, CancellationToken _) => db.Instances.Where(i => i.Id == instanceId).AsNoTracking()
            .Select(i => new Found(i.DefinitionId, i.DefinitionVersion,
                db.Set<StepRequest>().Where(r => r.HandedOverToId == requestId).Select(r => r.RespondentName).FirstOrDefault()))
            .FirstOrDefault()));

    /// <param name="formBookmark">The bookmark the page was shown for: a hand-over from an earlier state is stale.</param>
    /// <param name="language">The page's language, for the errors beside the fields.</param>
    public async Task<HandOverResult> HandOverAsync(StepRequest request, Guid formBookmark, HandOverDraft draft, string language, CancellationToken ct = default)
    {
        if (formBookmark != request.BookmarkId) return HandOverResult.Of(HandOverOutcome.Stale);
        if (!(await FactsAsync(request, ct)).IsPossible) return HandOverResult.Of(HandOverOutcome.NotPossible);
        var errors = await ErrorsAsync(request, draft, language, ct);
        if (errors.Count > 0) return new HandOverResult(HandOverOutcome.Invalid, errors);

        var handOver = new HandOver(draft.Name.Trim(), draft.Email.Trim(), string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim());
        var result = await runtime.ResumeAsync(formBookmark, handOver.ToStimulus(), ct: ct);
        if (result.Status == ResumeStatus.AlreadyResumed) return HandOverResult.Of(HandOverOutcome.Stale);
        if (result.Status != ResumeStatus.Resumed) return HandOverResult.Of(HandOverOutcome.NotPossible);
        // The step refuses what changed between the checks and the resume (the colleague asked meanwhile): the request stays the member's.
        var handed = await db.Set<StepRequest>().AsNoTracking().AnyAsync(r => r.Id == request.Id && r.HandedOverAt != null, ct);
        return HandOverResult.Of(handed ? HandOverOutcome.HandedOver : HandOverOutcome.Stale);
    }

    /// <summary>Whom a handed-over request went to, by the name their own request carries (erased with them).</summary>
    public async Task<string?> HandedToAsync(StepRequest request, CancellationToken ct = default) =>
        request.HandedOverToId is { } id
            ? await db.Set<StepRequest>().AsNoTracking().Where(r => r.Id == id).Select(r => r.RespondentName).FirstOrDefaultAsync(ct)
            : null;

    private async Task<Dictionary<string, string>> ErrorsAsync(StepRequest request, HandOverDraft draft, string language, CancellationToken ct)
    {
        var W = Words.In(language);
        var errors = new Dictionary<string, string>();
        var name = draft.Name.Trim();
        var email = draft.Email.Trim();
        if (name.Length == 0) errors["name"] = W["Answers.RequestHandOver.WriteYourColleagueSName"];
        else if (name.Length > HandOver.MaxNameLength) errors["name"] = W["Answers.RequestHandOver.TheNameIsTooLongUp", HandOver.MaxNameLength];
        if (draft.Note?.Trim().Length > HandOver.MaxNoteLength)
            errors["note"] = W["Answers.RequestHandOver.TheNoteIsTooLongUp", HandOver.MaxNoteLength];

        // A domain with a dot: a colleague's address is on the internet, and a typo such as "mari@kool" is caught here, not by a bounce.
        if (!LaunchCheck.IsEmail(email) || !email[(email.LastIndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal) || email.Length > 254)
        {
            errors["email"] = W["Answers.RequestHandOver.ThisIsNotAValidEmail"];
            return errors;
        }
        var network = await db.Set<Network>().AsNoTracking().Include(n => n.Members).FirstAsync(n => n.Id == request.NetworkId, ct);
        var asked = await db.Set<StepRequest>().AsNoTracking()
            .Where(r => r.InstanceId == request.InstanceId && r.ActivityId == request.ActivityId && r.ClosedAt == null)
            .Select(r => new { r.RespondentName, r.RespondentEmail }).ToListAsync(ct);
        if (asked.FirstOrDefault(r => string.Equals(r.RespondentEmail, email, StringComparison.OrdinalIgnoreCase)) is { } already)
            errors["email"] = string.Equals(request.RespondentEmail, email, StringComparison.OrdinalIgnoreCase)
                ? W["Answers.RequestHandOver.ThisIsYourOwnAddressWrite"]
                : W["Answers.RequestHandOver.IsAlreadyAskedThisHandIt", already.RespondentName];
        else if (string.Equals(network.CoordinatorEmail, email, StringComparison.OrdinalIgnoreCase))
            errors["email"] = W["Answers.RequestHandOver.ThisIsTheCoordinatorSAddress"];
        else if (await HandOver.TimesInARowAsync(db.Set<StepRequest>(), request.Id, ct) >= HandOver.MaxInARow)
            errors["email"] = W["Answers.RequestHandOver.ThisRequestHasBeenHandedOn", HandOver.MaxInARow];
        return errors;
    }
}
