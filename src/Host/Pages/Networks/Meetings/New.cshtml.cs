using Koostoo.Service.Access;
using Koostoo.Service.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks.Meetings;

/// <summary>The coordinator plans a meeting; bad input gets the form back with a message at each field.</summary>
public sealed class NewModel(MeetingPlanner planner, Actor actor) : PageModel
{
    [BindProperty]
    public MeetingDraft Draft { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public Guid NetworkId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        NetworkId = id;
        // Unknown networks get the not-found answer here already, not after the form is filled in.
        await planner.ListAsync(actor, id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        NetworkId = id;
        try
        {
            var meeting = await planner.ScheduleAsync(actor, id, Draft, HttpContext.RequestAborted);
            return Redirect(Request.Link($"/networks/{id}/meetings/{meeting.Id}"));
        }
        catch (MeetingRejectedException rejected)
        {
            Errors = rejected.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
