using System.Text.Json.Nodes;


namespace Koostoo.Host.Designer;

/// <summary>A text of a definition, by its JSON path, and the languages of the service it lacks.</summary>
public sealed record MissingTranslation(string Path, IReadOnlyList<string> Languages);

/// <summary>
/// The texts of a definition that have Estonian but not every other language the service speaks: a notice for the
/// designer and the API, never a reason to refuse the definition, since a missing language reads in Estonian.
/// A text is an object whose keys are all language codes (<c>{ "et": …, "en": … }</c>).
/// </summary>
public static class MissingTranslations
{
    public static IReadOnlyList<MissingTranslation> Of(JsonNode definition)
    {
        var found = new List<MissingTranslation>();
        Walk(definition, "$", found);
        return found;
    }

    private static void Walk(JsonNode? node, string path, List<MissingTranslation> found)
    {
        switch (node)
        {
            case JsonObject text when IsText(text):
                var missing = Koostoo.Language.Languages.All.Where(l => text[l] is not JsonValue value || value.ToString().Length == 0).ToList();
                if (missing.Count > 0) found.Add(new MissingTranslation(path, missing));
                break;
            case JsonObject obj:
                foreach (var (name, value) in obj) Walk(value, $"{path}.{name}", found);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", found);
                break;
        }
    }

    /// <summary>Estonian, and nothing but languages: a definition's object with other keys is not a text.</summary>
    private static bool IsText(JsonObject obj) =>
        obj[Koostoo.Language.Languages.Estonian] is JsonValue && obj.All(p => p.Key.Length == 2 && p.Value is JsonValue);
}
