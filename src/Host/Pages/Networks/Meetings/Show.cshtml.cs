using Koostoo.Networks.Meetings;
using Koostoo.Service.Access;
using Koostoo.Service.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks.Meetings;

/// <summary>One meeting: change it (the invitations go out again) or write its memo afterwards.</summary>
public sealed class ShowModel(MeetingPlanner planner, Actor actor) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    [BindProperty]
    public MeetingDraft Draft { get; set; } = new();

    [BindProperty]
    public string? Memo { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, bool saved = false)
    {
        Meeting = await planner.GetAsync(actor, id, meetingId, HttpContext.RequestAborted);
        Draft = new MeetingDraft
        {
            Title = Meeting.Title,
            StartsAt = MeetingPlan.LocalInput(Meeting.StartsAt),
            EndsAt = MeetingPlan.LocalInput(Meeting.EndsAt),
            Place = Meeting.Place,
            OnlineLink = Meeting.OnlineLink,
            Agenda = Meeting.Agenda,
        };
        Memo = Meeting.Memo;
        Saved = saved;
        return Page();
    }

    public Task<IActionResult> OnPostDetailsAsync(Guid id, Guid meetingId) =>
        SaveAsync(id, meetingId, () => planner.ChangeAsync(actor, id, meetingId, Draft, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostMemoAsync(Guid id, Guid meetingId) =>
        SaveAsync(id, meetingId, () => planner.RecordMemoAsync(actor, id, meetingId, new MemoDraft { Memo = Memo }, HttpContext.RequestAborted));

    private async Task<IActionResult> SaveAsync(Guid id, Guid meetingId, Func<Task<Meeting>> save)
    {
        try
        {
            await save();
            return Redirect(Request.Link($"/networks/{id}/meetings/{meetingId}?saved=true"));
        }
        catch (MeetingRejectedException rejected)
        {
            Meeting = await planner.GetAsync(actor, id, meetingId, HttpContext.RequestAborted);
            Errors = rejected.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
