using System.Text.Json.Nodes;
using Koostoo.Language;

namespace Koostoo.Workflows.Definitions;

/// <summary>
/// A catalog entry in every language at once, for what is written now and read later in the reader's language:
/// a mail's text for a recipient not yet known, a history entry's arguments, a form's question.
/// </summary>
public static class Localized
{
    /// <summary>The entry <paramref name="key"/> in every language, filled with the same arguments.</summary>
    public static LocalizedText Text(string key, params object[] arguments) => Text(l => Words.In(l)[key, arguments]);

    /// <summary>A text made per language, e.g. with a date written the language's way.</summary>
    public static LocalizedText Text(Func<string, string> textIn) => new(Languages.All.ToDictionary(l => l, textIn));

    /// <summary>The same as JSON (<c>{ "et": …, "en": …, "ru": … }</c>), as history arguments and workflow variables keep it.</summary>
    public static JsonObject Json(Func<string, string> textIn) => new(Languages.All.Select(l => KeyValuePair.Create(l, (JsonNode?)JsonValue.Create(textIn(l)))));
}
