using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Account;

/// <summary>
/// Signing in with address and password: a new session cookie; on to the authenticator code when the account has one;
/// an admin without one is sent to set it up. Wrong tries count towards the lockout; the answer never says whether the
/// address has an account. Or with a passkey (js/passkeys.js asks the browser for one): no address, no password, no
/// authenticator code, since the passkey is both the thing she has and, through her PIN or fingerprint, her.
/// </summary>
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    public string? Problem { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    private Words W => Words.In(UiLanguage.Of(Request));

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOnly(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = LocalOnly(returnUrl);
        Email = email;
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password)) return Refuse(W["Account.Login.TheAddressOrThePasswordIs"]);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return Redirect(Request.Link($"/account/login/two-factor?returnUrl={Uri.EscapeDataString(ReturnUrl)}"));
        if (result.IsLockedOut)
            return Refuse(W["Account.Login.TooManyWrongTriesTheAccount"]);
        if (!result.Succeeded) return Refuse(W["Account.Login.TheAddressOrThePasswordIs"]);
        if (await users.IsInRoleAsync(user, StaffRoles.Admin) && !user.TwoFactorEnabled) return Redirect(Request.Link("/account/two-factor"));
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>The options for the browser's navigator.credentials.get, as JSON: any of this site's passkeys will do.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, string? returnUrl)
    {
        ReturnUrl = LocalOnly(returnUrl);
        if (string.IsNullOrEmpty(credential)) return Refuse(W["Account.Passkeys.TheBrowserGaveNoPasskeyTry"]);
        var result = await signIn.PasskeySignInAsync(credential);
        if (result.IsLockedOut)
            return Refuse(W["Account.Login.TooManyWrongTriesTheAccount"]);
        if (!result.Succeeded)
            return Refuse(W["Account.Login.ThisPasskeyDoesNotSignYou"]);
        return LocalRedirect(ReturnUrl);
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string LocalOnly(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
