using Koostoo.Language;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Koostoo.Networks.Requests;

/// <summary>
/// Checks what a member posted against the form and turns it into the answer JSON. Every problem is reported
/// at once, per field, in the member's language; an answer with any problem is not saved at all.
/// </summary>
public static class FormAnswers
{
    public sealed record Result(JsonObject Answer, IReadOnlyDictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <param name="today">The network's today, for dates that may not be in the past (<see cref="FormField.NotPast"/>).</param>
    public static Result Read(IReadOnlyList<FormField> fields, Func<string, IReadOnlyList<string>> posted, string language, DateOnly today)
    {
        var answer = new JsonObject();
        var errors = new Dictionary<string, string>();
        var W = Words.In(language);

        foreach (var field in fields)
        {
            var values = posted(field.Name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (values.Count == 0)
            {
                if (field.Required) errors[field.Name] = W["Requests.FormAnswers.PleaseAnswerThisQuestion"];
                continue;
            }
            var allowed = field.Options.Select(o => o.Value).ToHashSet();
            switch (field.Type)
            {
                case FieldType.Choice when values.Count == 1 && allowed.Contains(values[0]):
                    answer[field.Name] = values[0];
                    break;
                case FieldType.MultiChoice when values.All(allowed.Contains):
                    answer[field.Name] = new JsonArray(values.Distinct().Select(v => (JsonNode)v).ToArray());
                    break;
                case FieldType.Choice or FieldType.MultiChoice:
                    errors[field.Name] = W["Requests.FormAnswers.ChooseFromTheOptionsOffered"];
                    break;
                case FieldType.Text or FieldType.LongText:
                    var text = string.Join("\n", values);
                    if (text.Length > (field.Type == FieldType.Text ? 500 : 10_000))
                        errors[field.Name] = W["Requests.FormAnswers.TheAnswerIsTooLong"];
                    else answer[field.Name] = text;
                    break;
                case FieldType.Number when decimal.TryParse(values[0].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                    answer[field.Name] = number;
                    break;
                case FieldType.Number:
                    errors[field.Name] = W["Requests.FormAnswers.EnterANumberEG12"];
                    break;
                case FieldType.Date when DateOnly.TryParseExact(values[0], ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    if (field.NotPast && date < today)
                        errors[field.Name] = W["Requests.FormAnswers.DatePassed", DateText.InFigures(today, language)];
                    else answer[field.Name] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case FieldType.Date:
                    errors[field.Name] = W["Requests.FormAnswers.EnterADateEG2026"];
                    break;
                case FieldType.Scale when int.TryParse(values[0], out var scale) && scale is >= 1 and <= 5:
                    answer[field.Name] = scale;
                    break;
                case FieldType.Scale:
                    errors[field.Name] = W["Requests.FormAnswers.Choose1To5"];
                    break;
                case FieldType.YesNo when values[0] is "yes" or "no":
                    answer[field.Name] = values[0] == "yes";
                    break;
                case FieldType.YesNo:
                    errors[field.Name] = W["Requests.FormAnswers.ChooseYesOrNo"];
                    break;
            }
        }
        return new Result(answer, errors);
    }
}
