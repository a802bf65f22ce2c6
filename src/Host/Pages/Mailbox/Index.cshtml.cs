using Koostoo.Service.Email;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Mailbox;

public sealed class IndexModel(PickupMailbox mailbox) : PageModel
{
    public IReadOnlyList<PickupMailbox.Entry> Messages { get; private set; } = [];
    public bool IsPickup => mailbox.IsPickup;
    public string Folder => mailbox.Folder;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (mailbox.IsPickup) Messages = await mailbox.ListAsync(ct);
    }
}
