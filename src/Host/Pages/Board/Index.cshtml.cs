using Koostoo.Service.Access;
using Koostoo.Service.Board;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Board;

/// <summary>
/// The coordinator's board: what every running network she may see still waits for, longest silence first, and the
/// actions that slipped; tick steps and remind them all in one click (docs/coordinator.md, "The board").
/// </summary>
public sealed class IndexModel(CoordinatorBoard board, Actor actor) : PageModel
{
    public BoardView View { get; private set; } = null!;
    public BoardFilter Filter { get; private set; } = new();
    public int? Reminded { get; private set; }
    public int? Skipped { get; private set; }
    public bool NoneChosen { get; private set; }

    public string Language => UiLanguage.Of(Request);

    public async Task OnGetAsync(Guid? network, string? stage, string? person, bool overdue, int? reminded, int? skipped)
    {
        (Reminded, Skipped) = (reminded, skipped);
        await LoadAsync(new BoardFilter(network, string.IsNullOrWhiteSpace(stage) ? null : stage, person, overdue));
    }

    /// <param name="step">The ticked rows, each "networkId/activityId".</param>
    public async Task<IActionResult> OnPostRemindAsync(string[] step)
    {
        var steps = step.Select(s => s.Split('/', 2)).Where(p => p.Length == 2 && Guid.TryParse(p[0], out _))
            .Select(p => new StepRef(Guid.Parse(p[0]), p[1])).ToList();
        if (steps.Count == 0)
        {
            NoneChosen = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(new BoardFilter());
            return Page();
        }
        var outcomes = await board.RemindAsync(actor, steps, HttpContext.RequestAborted);
        return Redirect(Request.Link($"/board?reminded={outcomes.Count(o => o.Reminded)}&skipped={outcomes.Count(o => !o.Reminded)}"));
    }

    private async Task LoadAsync(BoardFilter filter)
    {
        Filter = filter;
        View = await board.ReadAsync(actor, filter, Language, HttpContext.RequestAborted);
    }
}
