using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks;

/// <summary>The coordinator's networks, newest first. Without accounts, "mine" is the coordinator's email in the address.</summary>
public sealed class IndexModel(NetworkReader reader, Actor actor) : PageModel
{
    public IReadOnlyList<NetworkSummary> Networks { get; private set; } = [];
    public string Coordinator { get; private set; } = "";

    public async Task OnGetAsync(string? coordinator)
    {
        Coordinator = coordinator?.Trim() ?? "";
        Networks = await reader.ListAsync(actor, Coordinator, HttpContext.RequestAborted);
    }
}
