using Koostoo.Service.Access;
using Koostoo.Service.WorkSheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks;

/// <summary>A work sheet as a page to print; the same rows as its .xlsx and .csv downloads.</summary>
public sealed class SheetModel(WorkSheetBuilder builder, Actor actor) : PageModel
{
    public WorkSheet? Sheet { get; private set; }
    public string? Problem { get; private set; }
    public Guid NetworkId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string sheet)
    {
        NetworkId = id;
        try
        {
            Sheet = await builder.BuildAsync(actor, id, sheet, UiLanguage.Of(Request), HttpContext.RequestAborted);
        }
        catch (Koostoo.Workflows.Runtime.NotFoundException notFound)
        {
            Problem = notFound.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
