using Koostoo.Language;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koostoo.Host.Api;

/// <summary>
/// A JSON body that may be absent, read whether or not it came with a Content-Length (a chunked body is a body too)
/// and checked before anything is done with it: a body that is not JSON is the caller's mistake, answered with 400.
/// </summary>
public static class OptionalJsonBody
{
    public static async Task<(JsonNode? Body, IResult? Problem)> ReadAsync(HttpRequest request, string what, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(statusCode: 400, title: Words.Current["Problems.Title.BadRequest"], detail: Words.Current["Problems.NotJson", what, e.Message]));
        }
    }
}
