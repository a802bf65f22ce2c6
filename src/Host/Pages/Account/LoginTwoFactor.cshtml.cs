using Koostoo.Language;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Account;

/// <summary>The second step of signing in for an account with an authenticator app; wrong codes count towards the lockout.</summary>
public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn) : PageModel
{
    private Words W => Words.In(UiLanguage.Of(Request));

    public string? Problem { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = LoginModel.LocalOnly(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(Request.Link("/account/login")) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = LoginModel.LocalOnly(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect(Request.Link("/account/login"));
        var result = await signIn.TwoFactorAuthenticatorSignInAsync((code ?? "").Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        Problem = result.IsLockedOut
            ? W["Account.LoginTwoFactor.TooManyWrongTriesTheAccount"]
            : W["Account.LoginTwoFactor.TheCodeDoesNotMatchUse"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
