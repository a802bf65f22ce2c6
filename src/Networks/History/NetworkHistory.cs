using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Networks.History;

public static class NetworkHistory
{
    /// <summary>Adds an entry to the unit of work in hand, so it is saved with the change it tells of, or not at all.</summary>
    public static void Add(DbContext db, Guid networkId, DateTimeOffset at, HistoryKind kind, HistoryActor actor, JsonObject? arguments = null) =>
        db.Set<HistoryEntry>().Add(new HistoryEntry
        {
            NetworkId = networkId,
            At = at,
            Kind = kind,
            Arguments = (arguments ?? []).ToJsonString(),
            ActorKind = actor.Kind,
            ActorName = actor.Name,
        });

    /// <summary>A text in every language the history is read in, picked when read.</summary>
    public static JsonObject Localized(LocalizedText text) => Koostoo.Workflows.Definitions.Localized.Json(text.In);

    /// <summary>A moment in UTC, formatted in the reader's language and time zone when read.</summary>
    public static JsonNode Moment(DateTimeOffset moment) => JsonValue.Create(moment.ToUniversalTime());
}
