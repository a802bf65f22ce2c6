using Koostoo.Language;
using Koostoo.Service;
using Koostoo.Service.Access;
using Koostoo.Service.Incidents;
using Koostoo.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Admin;

/// <summary>
/// The admin's list of faulted workflows (incidents), each with its error, step and time, and the three ways on: run the
/// step again, continue with a chosen outcome, cancel the network. Each form posts and redirects back with what happened;
/// one that cannot be done comes back as a message, with nothing changed.
/// </summary>
public sealed class IncidentsModel(IncidentHandling incidents, Actor actor) : PageModel
{
    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];
    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    private Words W => Words.In(UiLanguage.Of(Request));

    public async Task OnGetAsync(string? done)
    {
        Done = done;
        Incidents = await incidents.ListAsync(actor, HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostRetryAsync(Guid instance) =>
        RunAsync(async () => await incidents.RetryAsync(actor, instance, HttpContext.RequestAborted) == InstanceStatus.Faulted ? "failed-again" : "retried");

    public Task<IActionResult> OnPostContinueAsync(Guid instance, string? outcome) =>
        RunAsync(async () => await incidents.ContinueAsync(actor, instance, outcome, HttpContext.RequestAborted) == InstanceStatus.Faulted ? "failed-again" : "continued");

    public Task<IActionResult> OnPostCancelAsync(Guid instance, bool confirm) =>
        !confirm
            ? RefuseAsync(StatusCodes.Status400BadRequest, W["Admin.Incidents.TickTheBoxToConfirmThat"])
            : RunAsync(async () =>
            {
                await incidents.CancelAsync(actor, instance, HttpContext.RequestAborted);
                return "cancelled";
            });

    public string? Confirmation => Done switch
    {
        "retried" => W["Admin.Incidents.TheStepRanAgainAndThe"],
        "continued" => W["Admin.Incidents.TheWorkflowWentOnWithThe"],
        "failed-again" => W["Admin.Incidents.TheStepStoppedOnAnError"],
        "cancelled" => W["Admin.Incidents.TheNetworkIsCancelledItsLinks"],
        _ => (string?)null,
    };

    private async Task<IActionResult> RunAsync(Func<Task<string>> action)
    {
        try
        {
            return Redirect(Request.Link($"/admin/incidents?done={await action()}"));
        }
        catch (RequestRejectedException rejected)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, W["Admin.Incidents.ChooseTheOutcomeToContinueWith"] + " " + rejected.Message);
        }
        catch (NotFoundException)
        {
            return await RefuseAsync(StatusCodes.Status404NotFound, W["Admin.Incidents.ThatWorkflowWasNotFoundNothing"]);
        }
        catch (ConflictException)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict,
                W["Admin.Incidents.ThisWorkflowIsNoLongerStopped"]);
        }
    }

    private async Task<IActionResult> RefuseAsync(int status, string problem)
    {
        Problem = problem;
        Incidents = await incidents.ListAsync(actor, HttpContext.RequestAborted);
        Response.StatusCode = status;
        return Page();
    }
}
