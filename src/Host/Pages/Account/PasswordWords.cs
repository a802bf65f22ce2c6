using Koostoo.Language;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Pages.Account;

/// <summary>Identity's refusals of a password in the reader's language: the catalog's <c>Password.{code}</c>, else <c>Password.Other</c>.</summary>
public static class PasswordWords
{
    public static string Explain(IdentityResult result, HttpRequest request)
    {
        var words = Words.In(UiLanguage.Of(request));
        return string.Join(" ", result.Errors
            .Select(e => words[$"Password.{e.Code}"] is { ResourceNotFound: false } explained ? explained.Value : words["Password.Other"].Value)
            .Distinct());
    }
}
