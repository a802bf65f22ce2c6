using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Koostoo.Host.Pages.Account;

/// <summary>
/// Asking for a reset link by mail. The answer is the same whether or not the address has an account (nobody learns who
/// has one); a disabled account gets no mail.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, PasswordResetMail mail, IOptions<PublicLinks> links, IOptions<AccountOptions> accounts) : PageModel
{
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? email)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is { Disabled: false })
        {
            var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{links.Value.PublicUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}"
                + (UiLanguage.Of(Request) == Languages.Estonian ? "" : $"&{UiLanguage.QueryKey}={UiLanguage.Of(Request)}");
            await mail.QueueAsync(user, link, UiLanguage.Of(Request), accounts.Value.ResetLinkLifetime, HttpContext.RequestAborted);
        }
        Sent = true;
        return Page();
    }
}
