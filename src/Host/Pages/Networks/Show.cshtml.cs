using Koostoo.Host.Networks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks;

/// <summary>The coordinator's view of one network: where it stands and who the waiting step still waits for.</summary>
public sealed class ShowModel(NetworkReader reader) : PageModel
{
    public NetworkDetail Network { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Network = await reader.GetAsync(id, HttpContext.RequestAborted);
        }
        catch (Koostoo.Workflows.Runtime.NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
