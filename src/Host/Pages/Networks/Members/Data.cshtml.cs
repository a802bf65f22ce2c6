using System.Text.Json;
using Koostoo.Networks.Members;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Networks.Members;

/// <summary>
/// A member's data on request, for the coordinator: take a copy (JSON), then erase it, confirmed by a tick so that no
/// stray click does what cannot be undone (docs/security.md, "A member's data on request").
/// </summary>
public sealed class DataModel(NetworkAccess access, MemberErasure erasure, Actor actor) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Guid NetworkId { get; private set; }
    public string NetworkName { get; private set; } = "";
    public Member Member { get; private set; } = null!;
    /// <summary>The erase form was posted without its confirmation.</summary>
    public bool NotConfirmed { get; private set; }

    public string Language => UiLanguage.Of(Request);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId) => await LoadAsync(id, memberId) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(Guid id, Guid memberId)
    {
        var export = await erasure.ExportAsync(actor, id, memberId, HttpContext.RequestAborted);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Indented), "application/json", $"member-{memberId:N}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, Guid memberId, bool confirm)
    {
        if (!confirm)
        {
            NotConfirmed = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, memberId) ?? Page();
        }
        await erasure.EraseAsync(actor, id, memberId, HttpContext.RequestAborted);
        return Redirect(Request.Link($"/networks/{id}?done=member-erased"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid memberId)
    {
        var network = await access.ReadAsync(actor, id, NetworkPermission.Coordinate, HttpContext.RequestAborted);
        if (network.Members.FirstOrDefault(m => m.Id == memberId) is not { } member || member.Name == MemberErasure.Placeholder) return NotFound();
        (NetworkId, NetworkName, Member) = (network.Id, network.Name, member);
        return null;
    }
}
