using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Koostoo.Host.Pages.Account;

/// <summary>
/// Setting up an authenticator app (TOTP, Identity's authenticator token provider): the key as a QR code and as text,
/// turned on by a code the app shows. Required for admins (<see cref="Accounts.TwoFactorRequired"/> sends them here),
/// offered to coordinators.
/// </summary>
public sealed class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    private Words W => Words.In(UiLanguage.Of(Request));

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, (code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (!valid)
        {
            Problem = W["Account.LoginTwoFactor.TheCodeDoesNotMatchUse"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        // This session now counts as two-factor (the "mfa" method), as a sign-in with the code would.
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        return Redirect(Request.Link("/account/two-factor"));
    }

    private async Task ShowAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await users.IsInRoleAsync(user, StaffRoles.Admin);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: this session takes the new one, the others end (as on a password change).
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = key!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Koostöö")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Koostöö")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        // A data: image: the policy allows img-src data:, and the key never becomes a file or an address.
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
