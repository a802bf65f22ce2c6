using Koostoo.Language;
using Koostoo.Activities.Requests;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;
using Koostoo.Service;
using Koostoo.Service.Access;
using Koostoo.Service.Incidents;
using Koostoo.Service.Networks;
using Koostoo.Service.Reviews;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks;

/// <summary>
/// The coordinator's view of one network: the stages, the waiting steps and who is silent, the goal, the plan, the
/// history; and the commands. Each command posts, then redirects back with its confirmation (a reload sends nothing
/// twice); one that cannot be done comes back as a message on the page, with nothing changed.
/// </summary>
public sealed class ShowModel(NetworkReader reader, StepCommands commands, Membership membership, NetworkCancellation cancellation,
    IncidentHandling incidents, ActionHelp help, ActionPlan plan, NetworkReviews reviews, Actor actor, TimeProvider time) : PageModel
{
    /// <summary>The extensions offered: a day, two, a week (the API takes any ISO duration).</summary>
    public static readonly string[] Extensions = ["P1D", "P2D", "P7D"];

    public NetworkDetail Network { get; private set; } = null!;
    public IReadOnlyList<Koostoo.Service.Networks.JournalView> Journal { get; private set; } = [];
    /// <summary>How the answers came in, per step that asked people, oldest first.</summary>
    public IReadOnlyList<AnswerChartDrawing> Charts { get; private set; } = [];
    /// <summary>The error the network's workflow stopped on, if it did.</summary>
    public IncidentView? Incident { get; private set; }
    /// <summary>Admins act on incidents from their own page; the coordinator sees the error here.</summary>
    public bool IsAdmin => actor.IsAdmin;
    public string? Done { get; private set; }
    /// <summary>Why the command just posted was not done.</summary>
    public string? Problem { get; private set; }
    /// <summary>The add-member form as typed, with its messages by field, when it was refused.</summary>
    public MemberDraft NewMember { get; private set; } = new();
    public IReadOnlyDictionary<string, List<string>> NewMemberErrors { get; private set; } = new Dictionary<string, List<string>>();

    public string Language => UiLanguage.Of(Request);
    private Words W => Words.In(Language);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        Done = done;
        return await ShowAsync(id) ?? Page();
    }

    public Task<IActionResult> OnPostRemindAsync(Guid id, string step) =>
        RunAsync(id, "reminded", () => commands.SendAsync(actor, id, step, new StepCommand.Remind(), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostExtendAsync(Guid id, string step, string by) =>
        !Extensions.Contains(by)
            ? RefuseAsync(id, StatusCodes.Status400BadRequest, W["Networks.Show.ChooseHowMuchToExtendThe"])
            : RunAsync(id, "extended", () => commands.SendAsync(actor, id, step, new StepCommand.Extend(IsoDuration.Parse(by)), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCloseAsync(Guid id, string step) =>
        RunAsync(id, "closed", () => commands.SendAsync(actor, id, step, new StepCommand.Close(), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, string? name, string? email, string? organisation, Sector sector, string? language)
    {
        NewMember = new MemberDraft { Name = name ?? "", Email = email ?? "", Organisation = organisation, Sector = sector, Language = Languages.Or(language) };
        try
        {
            var member = await membership.AddAsync(actor, id, NewMember, HttpContext.RequestAborted);
            await membership.AskInWaitingStepsAsync(actor, id, member.Id, HttpContext.RequestAborted);
        }
        catch (LaunchRejectedException rejected)
        {
            NewMemberErrors = rejected.Check.Errors;
            return await RefuseAsync(id, StatusCodes.Status422UnprocessableEntity, W["Networks.Show.TheMemberWasNotAddedCorrect"]);
        }
        catch (ConflictException)
        {
            return await RefuseAsync(id, StatusCodes.Status409Conflict, W["Networks.Show.TheNetworkIsNoLongerActive"]);
        }
        return Redirect(Request.Link($"/networks/{id}?done=member-added"));
    }

    /// <summary>Invites a colleague a member suggested: added as a member (with the name and address as the coordinator corrected them) and asked in the waiting steps.</summary>
    public async Task<IActionResult> OnPostInviteSuggestedAsync(Guid id, Guid suggestionId, string? name, string? email, Sector sector, string? language)
    {
        var draft = new MemberDraft { Name = name ?? "", Email = email ?? "", Sector = sector, Language = Languages.Or(language) };
        try
        {
            var member = await membership.InviteSuggestedAsync(actor, id, suggestionId, draft, HttpContext.RequestAborted);
            await membership.AskInWaitingStepsAsync(actor, id, member.Id, HttpContext.RequestAborted);
        }
        catch (LaunchRejectedException rejected)
        {
            InviteDraft = (suggestionId, draft);
            InviteErrors = rejected.Check.Errors;
            return await RefuseAsync(id, StatusCodes.Status422UnprocessableEntity, W["Networks.Show.TheColleagueWasNotInvitedCorrect"]);
        }
        catch (NotFoundException)
        {
            return await RefuseAsync(id, StatusCodes.Status404NotFound, W["Networks.Show.ThatSuggestionWasNotFoundNothing"]);
        }
        catch (ConflictException)
        {
            return await RefuseAsync(id, StatusCodes.Status409Conflict, W["Networks.Show.ThisColleagueHasBeenInvitedAlready"]);
        }
        return Redirect(Request.Link($"/networks/{id}?done=colleague-invited"));
    }

    /// <summary>The invite form of one suggestion as typed, when it was refused.</summary>
    public (Guid SuggestionId, MemberDraft Draft)? InviteDraft { get; private set; }
    public IReadOnlyDictionary<string, List<string>> InviteErrors { get; private set; } = new Dictionary<string, List<string>>();

    public IReadOnlyList<string> InviteErrorsOf(Guid suggestionId, string field) =>
        InviteDraft?.SuggestionId == suggestionId ? InviteErrors.GetValueOrDefault(field)?.ToList() ?? [] : [];

    public Task<IActionResult> OnPostResolveHelpAsync(Guid id, Guid helpId) =>
        RunAsync(id, "help-resolved", () => help.ResolveAsync(actor, id, helpId, HttpContext.RequestAborted));

    /// <summary>Whether the plan is followed now, so the coordinator can shape it (docs/coordinator.md, "Shaping the plan").</summary>
    public bool PlanShapeable { get; private set; }

    /// <summary>A plan form refused: which (add, or an action's edit or reassign), as typed, with its messages by field.</summary>
    public PlanForm? RefusedPlanForm { get; private set; }

    public sealed record PlanForm(string Kind, Guid? ActionId, IReadOnlyDictionary<string, string?> Typed, IReadOnlyDictionary<string, string[]> Errors);

    /// <summary>What was typed into a refused plan form, if it is this one.</summary>
    public string? PlanTyped(string kind, Guid? actionId, string field) =>
        RefusedPlanForm is { } form && form.Kind == kind && form.ActionId == actionId ? form.Typed.GetValueOrDefault(field) : null;

    public IReadOnlyList<string> PlanErrorsOf(string kind, Guid? actionId, string field) =>
        RefusedPlanForm is { } form && form.Kind == kind && form.ActionId == actionId
            ? form.Errors.GetValueOrDefault(field)?.ToList() ?? []
            : [];

    public Task<IActionResult> OnPostAddActionAsync(Guid id, string? what, Guid? ownerMemberId, string? dueOn, string? needs) =>
        ShapeAsync(id, new PlanForm("add", null, new Dictionary<string, string?> { ["what"] = what, ["ownerMemberId"] = ownerMemberId?.ToString(), ["dueOn"] = dueOn, ["needs"] = needs }, new Dictionary<string, string[]>()),
            "action-added", due => plan.AddAsync(actor, id, new ActionDraft(what, ownerMemberId, due, needs), HttpContext.RequestAborted), dueOn);

    public Task<IActionResult> OnPostEditActionAsync(Guid id, Guid actionId, string? what, string? dueOn) =>
        ShapeAsync(id, new PlanForm("edit", actionId, new Dictionary<string, string?> { ["what"] = what, ["dueOn"] = dueOn }, new Dictionary<string, string[]>()),
            "action-edited", due => plan.EditAsync(actor, id, actionId, new ActionChange(what, due), HttpContext.RequestAborted), dueOn);

    public Task<IActionResult> OnPostReassignActionAsync(Guid id, Guid actionId, Guid? ownerMemberId) =>
        ShapeAsync(id, new PlanForm("reassign", actionId, new Dictionary<string, string?> { ["ownerMemberId"] = ownerMemberId?.ToString() }, new Dictionary<string, string[]>()),
            "action-reassigned", _ => plan.ReassignAsync(actor, id, actionId, new ActionReassignment(ownerMemberId), HttpContext.RequestAborted), dueOn: null);

    public Task<IActionResult> OnPostDropActionAsync(Guid id, Guid actionId) =>
        ShapeAsync(id, new PlanForm("drop", actionId, new Dictionary<string, string?>(), new Dictionary<string, string[]>()),
            "action-dropped", _ => plan.DropAsync(actor, id, actionId, HttpContext.RequestAborted), dueOn: null);

    /// <summary>One change to the plan: a date the browser sent that is no date, or what the service refuses, comes back with the form.</summary>
    private async Task<IActionResult> ShapeAsync(Guid id, PlanForm form, string done, Func<DateOnly?, Task> change, string? dueOn)
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(dueOn))
        {
            if (!DateOnly.TryParseExact(dueOn.Trim(), ["yyyy-MM-dd", "d.M.yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return await RefusePlanAsync(id, form with { Errors = new Dictionary<string, string[]> { ["dueOn"] = [Words.Current["Requests.FormAnswers.EnterADateEG2026"]] } });
            due = parsed;
        }
        try
        {
            await change(due);
        }
        catch (RequestRejectedException rejected)
        {
            return await RefusePlanAsync(id, form with { Errors = rejected.Errors });
        }
        catch (NotFoundException)
        {
            return await RefuseAsync(id, StatusCodes.Status404NotFound, W["Networks.Show.ThatActionWasNotFoundNothing"]);
        }
        catch (ConflictException conflict)
        {
            return await RefuseAsync(id, StatusCodes.Status409Conflict, conflict.Message);
        }
        return Redirect(Request.Link($"/networks/{id}?done={done}"));
    }

    private Task<IActionResult> RefusePlanAsync(Guid id, PlanForm form)
    {
        RefusedPlanForm = form;
        return RefuseAsync(id, StatusCodes.Status422UnprocessableEntity, W["Networks.Show.ThePlanWasNotChangedCorrect"]);
    }

    /// <summary>The network's reviews, newest first (docs/coordinator.md, "Reviewing the network").</summary>
    public IReadOnlyList<ReviewView> Reviews { get; private set; } = [];

    public async Task<IActionResult> OnPostStartReviewAsync(Guid id)
    {
        try
        {
            await reviews.StartAsync(actor, id, Language, HttpContext.RequestAborted);
        }
        catch (ConflictException conflict)
        {
            return await RefuseAsync(id, StatusCodes.Status409Conflict, conflict.Message);
        }
        return Redirect(Request.Link($"/networks/{id}?done=review-started"));
    }

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid memberId) =>
        RunAsync(id, "member-removed", () => membership.RemoveAsync(actor, id, memberId, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCancelAsync(Guid id, bool confirm) =>
        !confirm
            ? RefuseAsync(id, StatusCodes.Status400BadRequest, W["Admin.Incidents.TickTheBoxToConfirmThat"])
            : RunAsync(id, "cancelled", () => cancellation.CancelAsync(actor, id, HttpContext.RequestAborted));

    /// <summary>The confirmation for a command just done, by the name it redirected with.</summary>
    public string? Confirmation => Done switch
    {
        "launched" => W["Networks.Show.TheNetworkIsLaunchedTheInvitations"],
        "reminded" => W["Networks.Show.AReminderWentToThoseWho"],
        "extended" => W["Networks.Show.TheDeadlineWasExtended"],
        "closed" => W["Networks.Show.TheStepIsClosedTheWorkflow"],
        "member-added" => W["Networks.Show.TheMemberIsAddedAndGets"],
        "member-erased" => W["Networks.Show.TheMemberSDataIsErased"],
        "colleague-invited" => W["Networks.Show.TheColleagueIsAddedAsA"],
        "action-added" => W["Networks.Show.TheActionIsAddedItsOwner"],
        "action-edited" => W["Networks.Show.TheActionIsChangedItsOwner"],
        "action-reassigned" => W["Networks.Show.TheActionHasANewOwner"],
        "action-dropped" => W["Networks.Show.TheActionIsDroppedFromThe"],
        "help-resolved" => W["Networks.Show.TheRequestForHelpIsMarked"],
        "member-removed" => W["Networks.Show.TheMemberIsRemovedWaitingSteps"],
        "review-started" => W["Networks.Show.TheReviewHasStartedTheMembers"],
        "cancelled" => W["Admin.Incidents.TheNetworkIsCancelledItsLinks"],
        _ => (string?)null,
    };

    private async Task<IActionResult> RunAsync(Guid id, string done, Func<Task> command)
    {
        try
        {
            await command();
        }
        catch (TooSoonException soon)
        {
            var at = Koostoo.Networks.MomentText.Format(soon.PossibleAt, Language);
            return await RefuseAsync(id, StatusCodes.Status429TooManyRequests, W["Networks.Show.ThoseWhoHaveNotAnsweredThis", at]);
        }
        catch (NotFoundException)
        {
            return await RefuseAsync(id, StatusCodes.Status404NotFound, W["Networks.Show.ThatMemberOrNetworkWasNot"]);
        }
        catch (ConflictException)
        {
            return await RefuseAsync(id, StatusCodes.Status409Conflict, done == "cancelled"
                ? W["Networks.Show.TheNetworkIsNoLongerActive2"]
                : W["Networks.Show.ThisStepIsNoLongerWaiting"]);
        }
        return Redirect(Request.Link($"/networks/{id}?done={done}"));
    }

    private async Task<IActionResult> RefuseAsync(Guid id, int status, string problem)
    {
        Problem = problem;
        if (await ShowAsync(id) is { } notFound) return notFound;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> ShowAsync(Guid id)
    {
        try
        {
            Network = await reader.GetAsync(actor, id, Language, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Journal = await reader.JournalAsync(actor, id, HttpContext.RequestAborted);
        Charts = (await reader.AnswerChartsAsync(actor, id, Language, HttpContext.RequestAborted))
            .Select(chart => new AnswerChartDrawing(chart, time.GetUtcNow())).ToList();
        Incident = await incidents.OfNetworkAsync(actor, id, HttpContext.RequestAborted);
        PlanShapeable = await plan.ShapeableAsync(actor, id, HttpContext.RequestAborted);
        Reviews = await reviews.ListAsync(actor, id, Language, HttpContext.RequestAborted);
        return null;
    }

    /// <summary>The messages of one add-member field, in the page's language.</summary>
    public IReadOnlyList<string> NewMemberErrorsOf(string field) =>
        NewMemberErrors.GetValueOrDefault(field)?.ToList() ?? [];
}
