using Koostoo.Language;
using System.Buffers.Text;
using Koostoo.Host.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Account;

/// <summary>
/// A user's own passkeys: add one (named, made by the browser from the options this page gives), see them, remove one.
/// The browser's part is js/passkeys.js; its requests carry the page's anti-forgery token like a form's.
/// </summary>
public sealed class PasskeysModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    public const int NameLength = 100;

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Done { get; private set; }
    public string? Name { get; private set; }

    private Words W => Words.In(UiLanguage.Of(Request));

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Done = done switch
        {
            "added" => W["Account.Passkeys.ThePasskeyIsAddedNextTime"],
            "removed" => W["Account.Passkeys.ThePasskeyIsRemovedItNo"],
            _ => (string?)null,
        };
        Passkeys = await ListAsync(user);
        return Page();
    }

    /// <summary>The options for the browser's navigator.credentials.create, as JSON; Identity keeps the challenge.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.Name,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(string? name, string? credential)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Name = name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameLength)
            return await RefuseAsync(user, W["Account.Passkeys.GiveThePasskeyANameUp", NameLength]);
        if (string.IsNullOrEmpty(credential))
            return await RefuseAsync(user, W["Account.Passkeys.TheBrowserGaveNoPasskeyTry"]);
        var attestation = await signIn.PerformPasskeyAttestationAsync(credential);
        if (!attestation.Succeeded)
            return await RefuseAsync(user, W["Account.Passkeys.ThePasskeyCouldNotBeAdded"]);
        var passkey = attestation.Passkey;
        passkey.Name = name;
        var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
            return await RefuseAsync(user, W["Account.Passkeys.ThePasskeyCouldNotBeAdded"]);
        await audit.RecordAsync(CurrentActor.Of(User), AuditAction.PasskeyAdded, subject: user.Email, ct: HttpContext.RequestAborted);
        return Redirect(Request.Link("/account/passkeys?done=added"));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var credentialId = Decode(id);
        if (credentialId is null || await users.GetPasskeyAsync(user, credentialId) is null) return NotFound();
        var removed = await users.RemovePasskeyAsync(user, credentialId);
        if (!removed.Succeeded)
            return await RefuseAsync(user, W["Account.Passkeys.ThePasskeyCouldNotBeRemoved"]);
        await audit.RecordAsync(CurrentActor.Of(User), AuditAction.PasskeyRemoved, subject: user.Email, ct: HttpContext.RequestAborted);
        return Redirect(Request.Link("/account/passkeys?done=removed"));
    }

    /// <summary>How a credential's id goes in a form (base64url, as WebAuthn writes it).</summary>
    public static string Encode(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    private static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id) || !Base64Url.IsValid(id)) return null;
        return Base64Url.DecodeFromChars(id);
    }

    private async Task<IReadOnlyList<UserPasskeyInfo>> ListAsync(StaffUser user) =>
        (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).ToList();

    private async Task<IActionResult> RefuseAsync(StaffUser user, string problem)
    {
        Problem = problem;
        Passkeys = await ListAsync(user);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
