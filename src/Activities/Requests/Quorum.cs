using Koostoo.Language;
using System.Text.RegularExpressions;

namespace Koostoo.Activities.Requests;

/// <summary>
/// How many of the people asked must answer before a step closes: <c>all</c>, <c>any</c>, <c>majority</c>
/// (more than half), <c>count:N</c>, <c>percent:P</c>. Never more than the number asked, never less than one.
/// </summary>
public static partial class Quorum
{
    [GeneratedRegex("^(all|any|majority|count:[1-9][0-9]{0,3}|percent:([1-9][0-9]?|100))$")]
    private static partial Regex Pattern();

    public static bool IsValid(string quorum) => Pattern().IsMatch(quorum);

    public static int Needed(string quorum, int asked)
    {
        if (asked <= 0) return 0;
        var needed = quorum switch
        {
            "all" => asked,
            "any" => 1,
            "majority" => asked / 2 + 1,
            _ when quorum.StartsWith("count:", StringComparison.Ordinal) => int.Parse(quorum[6..], System.Globalization.CultureInfo.InvariantCulture),
            _ when quorum.StartsWith("percent:", StringComparison.Ordinal) => (int)Math.Ceiling(asked * int.Parse(quorum[8..], System.Globalization.CultureInfo.InvariantCulture) / 100.0),
            _ => throw new FormatException(Words.Current["Requests.Quorum.IsNotAQuorum", quorum].Value),
        };
        return Math.Clamp(needed, 1, asked);
    }
}
