using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Pages.Account;

/// <summary>Identity's refusals of a password in the reader's language.</summary>
public static class PasswordWords
{
    public static string Explain(IdentityResult result, HttpRequest request) => string.Join(" ", result.Errors.Select(e => e.Code switch
    {
        "PasswordMismatch" => request.T("Praegune parool on vale.", "The current password is wrong."),
        "PasswordTooShort" => request.T("Parool peab olema vähemalt 12 märki pikk.", "The password must be at least 12 characters long."),
        "CommonPassword" => request.T("See parool on levinud paroolide nimekirjas; vali mõni muu.", "This password is on the list of common passwords; choose another."),
        "PasswordHasEmail" => request.T("Parool ei tohi sisaldada sinu e-posti aadressi.", "The password must not contain your email address."),
        "InvalidToken" => request.T("Link on aegunud või juba kasutatud. Küsi uus link.", "The link has expired or was used already. Ask for a new one."),
        _ => request.T("Parooli ei saanud seada.", "The password could not be set."),
    }).Distinct());
}
