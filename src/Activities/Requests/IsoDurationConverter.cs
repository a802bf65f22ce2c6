using Koostoo.Language;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Activities.Requests;

/// <summary>A duration as definitions and the API write it (<c>P2D</c>), not .NET's <c>2.00:00:00</c>.</summary>
internal sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoDuration.TryParse(reader.GetString(), out var duration)
            ? duration
            : throw new JsonException(Words.Current["Requests.IsoDurationConverter.IsNotAnISO8601Duration", reader.GetString() ?? ""].Value);

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
