using System.Text.Json.Nodes;
using Koostoo.Networks.Requests;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Requests;

/// <summary>
/// A member hands their request in a step to a colleague (docs/requests.md, "Handing a request on"), delivered as the
/// stimulus of the request's own bookmark: <c>{ "handOver": { "name", "email", "note" } }</c>. Like an answer, it
/// resumes exactly the bookmark the member's page was shown for, so it happens once, in the step's transaction.
/// </summary>
public sealed record HandOver(string Name, string Email, string? Note)
{
    private const string Key = "handOver";

    /// <summary>How many times in a row a request may be handed on: a link cannot become a way to mail anyone at all.</summary>
    public const int MaxInARow = 3;

    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 2000;

    public JsonObject ToStimulus() => new()
    {
        [Key] = new JsonObject { ["name"] = Name, ["email"] = Email, ["note"] = Note },
    };

    /// <summary>The hand-over a stimulus carries; null for an answer.</summary>
    public static HandOver? FromStimulus(JsonNode? stimulus) =>
        stimulus?[Key] is JsonObject h
            ? new HandOver(h["name"]!.GetValue<string>(), h["email"]!.GetValue<string>(), h["note"]?.GetValue<string>())
            : null;

    /// <summary>How many hand-overs led to this request: 0 for one asked by the step itself.</summary>
    public static async Task<int> TimesInARowAsync(IQueryable<StepRequest> requests, Guid requestId, CancellationToken ct = default)
    {
        var times = 0;
        for (Guid? id = requestId; times <= MaxInARow; times++)
        {
            id = await requests.Where(r => r.HandedOverToId == id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (id is null) break;
        }
        return times;
    }
}
