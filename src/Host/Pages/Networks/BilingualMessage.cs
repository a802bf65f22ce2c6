using System.Text.RegularExpressions;

namespace Koostoo.Host.Pages.Networks;

/// <summary>
/// The domain's checks speak both languages in one message, "Estonian. / English." (the API shows it whole); a page
/// shows the half in its own language. The split is at a sentence's end followed by " / ", which an email address
/// quoted in the message does not have.
/// </summary>
public static partial class BilingualMessage
{
    [GeneratedRegex(@"(?<=[.?!]) / ")]
    private static partial Regex Separator();

    public static string In(string message, string language)
    {
        var parts = Separator().Split(message, 2);
        return parts.Length == 2 ? parts[language == "en" ? 1 : 0] : message;
    }
}
