using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Koostoo.Networks.Members;

/// <summary>
/// Reads a colleague as a member types them in one box ("Mari Maasikas, mari@kool.ee", "Mari &lt;mari@kool.ee&gt;"):
/// the first thing that looks like an address, and the words around it as the name. The coordinator sees both in the
/// invite form and can correct them before inviting.
/// </summary>
public static partial class SuggestedColleague
{
    [GeneratedRegex(@"[^\s<>(),;:""]+@[^\s<>(),;:""]+\.[^\s<>(),;:""]+")]
    private static partial Regex AddressPattern();

    public static (string? Name, string? Email) Parse(string text)
    {
        var match = AddressPattern().Match(text);
        string? email = match.Success && MailAddress.TryCreate(match.Value.TrimEnd('.'), out var address) ? address.Address : null;
        var rest = match.Success ? text.Remove(match.Index, match.Length) : text;
        var name = rest.Trim().Trim(',', ';', '-', '–', '<', '>', '(', ')', ' ').Replace("<>", "", StringComparison.Ordinal).Replace("()", "", StringComparison.Ordinal).Trim();
        return (name.Length == 0 ? null : name, email);
    }
}
