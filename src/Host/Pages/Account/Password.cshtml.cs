using Koostoo.Host.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Account;

/// <summary>Changing one's password: every other session ends (a new security stamp), this one goes on with a new cookie.</summary>
public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    public string? Problem { get; private set; }
    public bool Done { get; private set; }

    public void OnGet(bool done) => Done = done;

    public async Task<IActionResult> OnPostAsync(string? current, string? password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, current ?? "", password ?? "");
        if (!result.Succeeded)
        {
            Problem = PasswordWords.Explain(result, Request);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(CurrentActor.Of(User), AuditAction.PasswordChanged, subject: user.Email);
        return Redirect(Request.Link("/account/password?done=true"));
    }
}
