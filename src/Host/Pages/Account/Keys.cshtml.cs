using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Koostoo.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Account;

/// <summary>A user makes and revokes her own API keys; an admin sees (and revokes) everyone's with ?all=true.</summary>
public sealed class KeysModel(ApiKeys keys, Actor actor) : PageModel
{
    private Words W => Words.In(UiLanguage.Of(Request));

    public IReadOnlyList<(ApiKey Key, string Owner)> Keys { get; private set; } = [];
    public bool All { get; private set; }
    public string? NewKey { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(bool all)
    {
        All = all && actor.IsAdmin;
        Keys = await keys.ListAsync(actor, All, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name)
    {
        try
        {
            (_, NewKey) = await keys.CreateAsync(actor, actor.Id!, name ?? "", ct: HttpContext.RequestAborted);
        }
        catch (AccountException)
        {
            Problem = W["Account.Keys.GiveTheKeyANameUp"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Keys = await keys.ListAsync(actor, false, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, bool all)
    {
        try
        {
            await keys.RevokeAsync(actor, id, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Redirect(Request.Link(all ? "/account/keys?all=true" : "/account/keys"));
    }
}
