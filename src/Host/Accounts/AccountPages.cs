using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koostoo.Host.Accounts;

/// <summary>
/// Who may open which page. Every page needs a signed-in user (the fallback policy) unless listed here as open:
/// members' links and the pages of signing in. Admin pages need the Admin role, except the incidents and audit pages, where a
/// coordinator sees and handles her own networks' incidents (the service decides which).
/// </summary>
public static class AccountPages
{
    public static readonly string[] OpenPages =
        ["/Account/Login", "/Account/LoginTwoFactor", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Logout", "/Account/Denied"];

    /// <summary>Admin pages a coordinator opens too, seeing only her networks' part (the service filters).</summary>
    private static readonly string[] CoordinatorsToo = ["/Admin/Incidents", "/Admin/Audit"];

    public static void Conventions(RazorPagesOptions pages)
    {
        pages.Conventions.ConfigureFilter(new AccessRefusals());
        pages.Conventions.AllowAnonymousToFolder("/Respond");
        foreach (var page in OpenPages) pages.Conventions.AllowAnonymousToPage(page);
        pages.Conventions.AuthorizeFolder("/Mailbox", AccountsSetup.AdminPolicy);
        pages.Conventions.AddFolderApplicationModelConvention("/Admin", model =>
        {
            if (!CoordinatorsToo.Contains(model.ViewEnginePath)) model.EndpointMetadata.Add(new AuthorizeAttribute(AccountsSetup.AdminPolicy));
        });
        pages.Conventions.AddFolderApplicationModelConvention("/Networks", model => model.Filters.Add(new Audited.NetworkPages()));
    }
}
