using Koostoo.Host.Accounts;
using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Host.Api;

public static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activity-descriptors", (ActivityRegistry registry) => registry.Descriptors.Select(Designer.ActivityWords.Of))
            .WithTags("Definitions").WithSummary("The activity types, their inputs and outcomes (the designer's palette).");

        app.MapGet("/api/languages", () => Languages.All.Select(l => new LanguageView(l, Words.In(l)["Language.Name"])))
            .WithTags("Definitions").WithSummary("The languages the service speaks, Estonian first, each named in itself: the designer edits a text in each.");

        var definitions = app.MapGroup("/api/workflow-definitions").WithTags("Definitions").RequireAuthorization(Accounts.AccountsSetup.AdminPolicy)
            .Audit(read: null, change: Koostoo.Service.Accounts.AuditAction.DefinitionChanged);

        definitions.MapGet("/", (DefinitionStore store, CancellationToken ct) => store.ListAsync(ct))
            .WithSummary("Every definition with its published versions and draft.");

        definitions.MapPost("/", async (HttpRequest request, DefinitionStore store, CancellationToken ct) =>
        {
            var row = await store.CreateAsync(await ReadBodyAsync(request, ct), ct);
            return Results.Created($"/api/workflow-definitions/{row.DefinitionId}", View(row));
        }).Accepts<JsonObject>("application/json").WithMetadata(Security.BodyLimits.Of(Security.BodyLimits.Definition))
          .WithSummary("Create a definition; it is saved as draft version 1.");

        definitions.MapGet("/{id}", async (string id, DefinitionStore store, CancellationToken ct) => View(await store.GetCurrentAsync(id, ct)))
            .WithSummary("The draft, or the latest published version when there is no draft.");

        definitions.MapPut("/{id}", async (string id, HttpRequest request, DefinitionStore store, CancellationToken ct) =>
            View(await store.SaveDraftAsync(id, await ReadBodyAsync(request, ct), ct)))
            .Accepts<JsonObject>("application/json").WithMetadata(Security.BodyLimits.Of(Security.BodyLimits.Definition)).WithSummary("Save the draft.");

        definitions.MapPost("/{id}/publish", async (string id, DefinitionStore store, CancellationToken ct) => View(await store.PublishAsync(id, ct)))
            .WithSummary("Publish the draft as a new frozen version.");

        definitions.MapGet("/{id}/versions/{version:int}", async (string id, int version, DefinitionStore store, CancellationToken ct) =>
            View(await store.GetVersionAsync(id, version, ct)))
            .WithSummary("One version as it was saved.");
    }

    /// <param name="MissingTranslations">Texts with Estonian but without another language the service speaks: a notice, not a problem.</param>
    public sealed record DefinitionView(string Id, int Version, bool IsPublished, DateTimeOffset? PublishedAt, JsonNode Definition,
        IReadOnlyList<Designer.MissingTranslation> MissingTranslations);

    private static DefinitionView View(DefinitionVersion row)
    {
        var definition = JsonNode.Parse(row.Json)!;
        return new(row.DefinitionId, row.Version, row.IsPublished, row.PublishedAt, definition, Designer.MissingTranslations.Of(definition));
    }

    // Read as text so that a JSON syntax error is reported by the definition parser, with its line and position.
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(ct);
    }
}
