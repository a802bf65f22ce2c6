using Koostoo.Language;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Koostoo.Host.Api;

/// <summary>
/// A JSON body that does not fit its type, said as a caller can fix it: the field by its path and, for a word that is not
/// one of a closed list (a sector, a network type), the words that are (<c>errors</c> keyed by the field).
/// </summary>
public static partial class JsonProblem
{
    [GeneratedRegex(@"could not be converted to (?<type>[\w.+]+)")]
    private static partial Regex TargetType();

    public static Dictionary<string, object?> Errors(JsonException json) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [Field(json)] = [Message(json)] } };

    public static string Detail(JsonException json) => $"{Field(json)}: {Message(json)}";

    /// <summary>The path without the root's <c>$.</c>: <c>members[0].sector</c>.</summary>
    private static string Field(JsonException json) => json.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "(body)";

    private static string Message(JsonException json)
    {
        var type = TargetType().Match(json.Message) is { Success: true } match ? EnumNamed(match.Groups["type"].Value.TrimEnd('.')) : null;
        return type is not null
            ? Words.Current["Problems.Json.NotAllowed", string.Join(", ", Enum.GetNames(type))]
            : json.Path is null ? Words.Current["Problems.Json.NotJson"] : Words.Current["Problems.Json.WrongType"];
    }

    private static Type? EnumNamed(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.FullName?.StartsWith("Koostoo.", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(fullName)).FirstOrDefault(t => t is { IsEnum: true });
}
