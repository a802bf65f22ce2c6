using System.Text;
using Koostoo.Host.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Koostoo.Host.Pages.Account;

/// <summary>
/// Setting a new password from the mailed link. The link expires (Koostoo:Accounts:ResetLinkLifetime) and works once:
/// the reset changes the security stamp the token was made with, which also ends every session of the account and
/// lifts a lockout.
/// </summary>
public sealed class ResetPasswordModel(UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public string? Email { get; private set; }
    public string? Token { get; private set; }
    public string? Problem { get; private set; }
    public bool Done { get; private set; }

    public void OnGet(string? email, string? token, bool done)
    {
        Email = email;
        Token = token;
        Done = done;
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? token, string? password)
    {
        Email = email;
        Token = token;
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        IdentityResult result;
        if (user is null || user.Disabled || Decode(token) is not { } decoded)
            result = IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        else
            result = await users.ResetPasswordAsync(user, decoded, password ?? "");
        if (!result.Succeeded)
        {
            Problem = PasswordWords.Explain(result, Request);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        await audit.RecordAsync(CurrentActor.Of(User) is { Id: not null } who ? who : Service.Access.Actor.System("password reset"),
            AuditAction.PasswordChanged, subject: user!.Email);
        return Redirect(Request.Link("/account/reset-password?done=true"));
    }

    private static string? Decode(string? token)
    {
        try
        {
            return string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
