using Koostoo.Service.Access;
using Koostoo.Service.Digest;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Board;

/// <summary>The signed-in coordinator chooses how often the board comes to her as a mail: never, daily or weekly.</summary>
public sealed class DigestModel(CoordinatorDigest digest, Actor actor) : PageModel
{
    public DigestFrequency Frequency { get; private set; }
    /// <summary>The actor has an address to send to (a staff account); the page says so when not.</summary>
    public bool HasEmail => actor is { Kind: ActorKind.Staff, Email.Length: > 0 };
    public bool Saved { get; private set; }
    public string Language => UiLanguage.Of(Request);

    public async Task OnGetAsync(bool saved)
    {
        Saved = saved;
        Frequency = (await digest.GetAsync(actor, HttpContext.RequestAborted))?.Frequency ?? DigestFrequency.Never;
    }

    public async Task<IActionResult> OnPostAsync(DigestFrequency frequency)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(frequency))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await digest.SetAsync(actor, frequency, Language, HttpContext.RequestAborted);
        return Redirect(Request.Link("/board/digest?saved=true"));
    }
}
