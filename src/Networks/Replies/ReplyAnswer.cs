using Koostoo.Language;
using System.Globalization;
using System.Text.RegularExpressions;
using Koostoo.Networks.Requests;

namespace Koostoo.Networks.Replies;

/// <summary>
/// Reads the top of a reply against the step's form, the way a person would answer it from a phone: "JAH", "no.",
/// "да", a choice's number or label, 1–5, a date, free text; a form with several questions takes <c>field: value</c>
/// lines (the field's name or its label in any language). What it reads goes through <see cref="FormAnswers"/>, the
/// same check as the web form, so a reply is held to exactly the rules a page answer is.
/// </summary>
public static partial class ReplyAnswer
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "jah", "jaa", "ja", "yes", "y", "да" };
    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase) { "ei", "no", "n", "нет" };

    public static FormAnswers.Result Read(IReadOnlyList<FormField> fields, string top, string language, DateOnly today)
    {
        var given = new Dictionary<string, List<string>>();
        var rest = new List<string>();
        foreach (var line in top.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var keyed = KeyedLine().Match(line);
            var field = keyed.Success ? FieldNamed(fields, keyed.Groups[1].Value) : null;
            if (field is null) rest.Add(line);
            else given[field.Name] = [.. Values(field, keyed.Groups[2].Value)];
        }
        // Without "field: value" lines the reply answers the form's first question.
        if (given.Count == 0 && rest.Count > 0 && fields.Count > 0)
        {
            var first = fields[0];
            given[first.Name] = first.Type is FieldType.Text or FieldType.LongText ? [string.Join("\n", rest)] : [.. Values(first, rest[0])];
        }
        return FormAnswers.Read(fields, name => given.TryGetValue(name, out var values) ? values : [], language, today);
    }

    /// <summary>The one line a request mail adds when replies are read, in the reader's language; null when the form cannot be answered so.</summary>
    public static string? Hint(IReadOnlyList<FormField> fields, string language)
    {
        var words = Words.In(language);
        if (fields.Count == 0) return null;
        if (fields.Count(f => f.Required) > 1)
            return words["Replies.Hint.Lines", fields[0].Name];
        var first = fields[0];
        return first.Type switch
        {
            FieldType.YesNo => words["Replies.Hint.YesNo"],
            FieldType.Choice => words["Replies.Hint.Choice", string.Join(", ", first.Options.Select((o, i) => $"{i + 1} – {o.Label.In(language)}"))],
            FieldType.Scale => words["Replies.Hint.Scale"],
            _ => words["Replies.Hint.Text"],
        };
    }

    private static FormField? FieldNamed(IReadOnlyList<FormField> fields, string key)
    {
        var name = key.Trim();
        return fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            || f.Label.Values.Values.Any(label => string.Equals(label.Trim().TrimEnd('?', ':'), name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A line as the form's posted values: yes/no as "yes"/"no", choices by number, label or value.</summary>
    private static IEnumerable<string> Values(FormField field, string text)
    {
        var word = FirstWord(text);
        switch (field.Type)
        {
            case FieldType.YesNo:
                return Yes.Contains(word) ? ["yes"] : No.Contains(word) ? ["no"] : [text];
            case FieldType.Choice:
                return [Option(field, text) ?? text];
            case FieldType.MultiChoice:
                return text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(part => Option(field, part) ?? part);
            case FieldType.Scale or FieldType.Number:
                return [word];
            case FieldType.Date:
                return [word.TrimEnd('.') is var date && DateOnly.TryParseExact(date, ["d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out _) ? date : word];
            default:
                return [text];
        }
    }

    private static string? Option(FormField field, string text)
    {
        var word = FirstWord(text);
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= field.Options.Count)
            return field.Options[number - 1].Value;
        var said = text.Trim().TrimEnd('.', '!');
        return field.Options.FirstOrDefault(o => string.Equals(o.Value, said, StringComparison.OrdinalIgnoreCase)
            || o.Label.Values.Values.Any(label => string.Equals(label, said, StringComparison.OrdinalIgnoreCase)))?.Value;
    }

    /// <summary>"JAH, osalen!" is JAH: the first word, without the punctuation around it.</summary>
    private static string FirstWord(string text) =>
        text.Trim().Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('.', '!', '?', ';', ':', '"', '„', '“', '«', '»') ?? "";

    [GeneratedRegex(@"^([^:]{1,60}):\s*(.+)$")]
    private static partial Regex KeyedLine();
}
