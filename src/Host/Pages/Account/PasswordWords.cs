using Koostoo.Language;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Pages.Account;

/// <summary>Identity's refusals of a password in the reader's language (the catalog's <c>Password.*</c>).</summary>
public static class PasswordWords
{
    private static readonly HashSet<string> Explained = ["PasswordMismatch", "PasswordTooShort", "CommonPassword", "PasswordHasEmail", "InvalidToken"];

    public static string Explain(IdentityResult result, HttpRequest request) => string.Join(" ", result.Errors
        .Select(e => Words.In(UiLanguage.Of(request))[$"Password.{(Explained.Contains(e.Code) ? e.Code : "Other")}"].Value)
        .Distinct());
}
