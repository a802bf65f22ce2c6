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

    private string T(string et, string en) => Request.T(et, en);

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
            ? RefuseAsync(StatusCodes.Status400BadRequest, T("Märgi kinnitus, et soovid võrgustiku töö lõpetada.", "Tick the box to confirm that the network ends."))
            : RunAsync(async () =>
            {
                await incidents.CancelAsync(actor, instance, HttpContext.RequestAborted);
                return "cancelled";
            });

    public string? Confirmation => Done switch
    {
        "retried" => T("Samm käivitati uuesti ja töövoog läks edasi.", "The step ran again and the workflow went on."),
        "continued" => T("Töövoog jätkus valitud väljundiga.", "The workflow went on with the chosen outcome."),
        "failed-again" => T("Samm peatus taas veaga; uus viga on allpool.", "The step stopped on an error again; the new error is below."),
        "cancelled" => T("Võrgustiku töö on lõpetatud; lingid on suletud.", "The network is cancelled; its links are closed."),
        _ => null,
    };

    private async Task<IActionResult> RunAsync(Func<Task<string>> action)
    {
        try
        {
            return Redirect(Request.Link($"/admin/incidents?done={await action()}"));
        }
        catch (RequestRejectedException rejected)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, T("Vali väljund, millega jätkata.", "Choose the outcome to continue with.") + " " + rejected.Message);
        }
        catch (NotFoundException)
        {
            return await RefuseAsync(StatusCodes.Status404NotFound, T("Seda töövoogu ei leitud; midagi ei muudetud.", "That workflow was not found; nothing was changed."));
        }
        catch (ConflictException)
        {
            return await RefuseAsync(StatusCodes.Status409Conflict,
                T("See töövoog ei ole enam veaga peatunud (keegi jõudis ette); midagi ei muudetud.", "This workflow is no longer stopped on an error (someone got there first); nothing was changed."));
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
