using Koostoo.Language;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Koostoo.Workflows.Definitions;

/// <summary>
/// Text in several languages, Estonian first: <c>{ "et": "...", "en": "...", "ru": "..." }</c>.
/// A plain JSON string is accepted too and read as Estonian, so hand-written definitions stay short.
/// </summary>
[JsonConverter(typeof(LocalizedTextConverter))]
public sealed class LocalizedText
{
    public const string DefaultLanguage = "et";

    public LocalizedText(IReadOnlyDictionary<string, string> values) => Values = values;

    /// <summary>A text in Estonian only, as a plain JSON string reads.</summary>
    public LocalizedText(string et) : this(new Dictionary<string, string> { [DefaultLanguage] = et }) { }

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The text in the wanted language, else Estonian, else whatever there is.</summary>
    public string In(string? language) =>
        language is not null && Values.TryGetValue(language, out var text) && !string.IsNullOrEmpty(text) ? text
        : Values.TryGetValue(DefaultLanguage, out var et) && !string.IsNullOrEmpty(et) ? et
        : Values.Values.FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";

    public bool IsEmpty => Values.Values.All(string.IsNullOrWhiteSpace);

    public override string ToString() => In(DefaultLanguage);
}

internal sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return new LocalizedText(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException(Words.Current["Definitions.LocalizedText.ExpectedATextAStringOr"].Value);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options)!;
        return new LocalizedText(values);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Values, options);
}
