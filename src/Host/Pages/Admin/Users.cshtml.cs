using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Koostoo.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Pages.Admin;

/// <summary>
/// The admin's users: make an account (its one-time password shown once), set roles, disable or enable. Disabling
/// ends the user's sessions and stops their keys at their next request.
/// </summary>
public sealed class UsersModel(StaffAccounts accounts, Actor actor) : PageModel
{
    private Words W => Words.In(UiLanguage.Of(Request));

    public IReadOnlyList<(StaffUser User, IList<string> Roles)> Users { get; private set; } = [];
    public string? Created { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => Users = await accounts.ListAsync();

    public Task<IActionResult> OnPostCreateAsync(string? email, string? name, string[]? roles) => RunAsync(async () =>
    {
        (_, var password) = await accounts.CreateAsync(actor, email ?? "", roles ?? [], displayName: name);
        Created = password;
    }, redirect: false);

    public Task<IActionResult> OnPostRolesAsync(string id, string[]? roles) => RunAsync(() => accounts.SetRolesAsync(actor, id, roles ?? []));

    public Task<IActionResult> OnPostDisableAsync(string id, bool disabled) => RunAsync(() => accounts.SetDisabledAsync(actor, id, disabled));

    private async Task<IActionResult> RunAsync(Func<Task> change, bool redirect = true)
    {
        try
        {
            await change();
            if (redirect) return Redirect(Request.Link("/admin/users"));
        }
        catch (AccountException refused)
        {
            Problem = refused.Field switch
            {
                "email" => W["Admin.Users.TheAddressIsMissingWrongOr"],
                "role" => W["Admin.Users.ChooseTheRolesAnAdminDoes"],
                "user" => W["Admin.Users.YouCannotDisableYourOwnAccount"],
                _ => refused.Message,
            };
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Users = await accounts.ListAsync();
        return Page();
    }
}
