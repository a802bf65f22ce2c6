using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Workflows.Definitions;

public sealed record DefinitionSummary(string Id, string Name, int? PublishedVersion, int? DraftVersion, IReadOnlyList<int> Versions);

/// <summary>
/// Versions of definitions: one draft to edit, published versions frozen. The JSON kept is the JSON given,
/// with its <c>version</c> set to the row's, so what the designer saves is what it gets back.
/// </summary>
public sealed class DefinitionStore(WorkflowDbContext db, DefinitionParser parser, DefinitionCache cache, TimeProvider time)
{
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.DefinitionVersions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.IsPublished, d.Name })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.DefinitionId).OrderBy(g => g.Key).Select(g =>
        {
            var published = g.Where(r => r.IsPublished).Select(r => r.Version).DefaultIfEmpty().Max();
            var draft = g.FirstOrDefault(r => !r.IsPublished);
            var name = g.OrderByDescending(r => r.Version).First().Name;
            return new DefinitionSummary(g.Key, name, published == 0 ? null : published, draft?.Version,
                g.Where(r => r.IsPublished).Select(r => r.Version).Order().ToList());
        }).ToList();
    }

    /// <summary>The draft if there is one, else the latest published version.</summary>
    public async Task<DefinitionVersion> GetCurrentAsync(string id, CancellationToken ct = default) =>
        await db.DefinitionVersions.AsNoTracking().Where(d => d.DefinitionId == id)
            .OrderBy(d => d.IsPublished).ThenByDescending(d => d.Version).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(Words.Current["Definitions.DefinitionStore.ThereIsNoWorkflowDefinition", id].Value);

    public async Task<DefinitionVersion> GetVersionAsync(string id, int version, CancellationToken ct = default) =>
        await db.DefinitionVersions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == id && d.Version == version, ct)
        ?? throw new NotFoundException(Words.Current["Definitions.DefinitionStore.WorkflowDefinitionHasNoVersion", id, version].Value);

    public async Task<WorkflowDefinition> GetLatestPublishedAsync(string id, CancellationToken ct = default)
    {
        var row = await db.DefinitionVersions.AsNoTracking().Where(d => d.DefinitionId == id && d.IsPublished)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            var exists = await db.DefinitionVersions.AnyAsync(d => d.DefinitionId == id, ct);
            throw exists
                ? new ConflictException(Words.Current["Definitions.DefinitionStore.WorkflowDefinitionHasNoPublishedVersion", id].Value)
                : new NotFoundException(Words.Current["Definitions.DefinitionStore.ThereIsNoWorkflowDefinition", id].Value);
        }
        return cache.Get(row);
    }

    public async Task<WorkflowDefinition> GetRunnableAsync(string id, int version, CancellationToken ct = default) =>
        cache.TryGet(id, version, out var parsed) ? parsed : cache.Get(await GetVersionAsync(id, version, ct));

    /// <summary>A new definition, saved as draft version 1.</summary>
    public async Task<DefinitionVersion> CreateAsync(string json, CancellationToken ct = default)
    {
        var (definition, node) = Validate(json);
        if (await db.DefinitionVersions.AnyAsync(d => d.DefinitionId == definition.Id, ct))
            throw new ConflictException(Words.Current["Definitions.DefinitionStore.AWorkflowDefinitionAlreadyExistsChange", definition.Id].Value);
        var row = NewRow(definition, node, 1, published: false);
        db.DefinitionVersions.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Replaces the draft (making one after the last published version if there is none).</summary>
    public async Task<DefinitionVersion> SaveDraftAsync(string id, string json, CancellationToken ct = default)
    {
        var (definition, node) = Validate(json);
        if (definition.Id != id)
            throw new InvalidDefinitionException([new DefinitionProblem("$.id", Words.Current["Definitions.DefinitionStore.TheDefinitionSIdDiffersFrom", definition.Id, id].Value)]);
        var versions = await db.DefinitionVersions.Where(d => d.DefinitionId == id).ToListAsync(ct);
        if (versions.Count == 0) throw new NotFoundException(Words.Current["Definitions.DefinitionStore.ThereIsNoWorkflowDefinition", id].Value);
        var draft = versions.FirstOrDefault(v => !v.IsPublished);
        if (draft is null)
        {
            draft = NewRow(definition, node, versions.Max(v => v.Version) + 1, published: false);
            db.DefinitionVersions.Add(draft);
        }
        else
        {
            node["version"] = draft.Version;
            draft.Json = node.ToJsonString(WorkflowJson.Options);
            draft.Name = definition.Name.In(LocalizedText.DefaultLanguage);
            draft.UpdatedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Freezes the draft as the newest published version; later instances start on it.</summary>
    public async Task<DefinitionVersion> PublishAsync(string id, CancellationToken ct = default)
    {
        var versions = await db.DefinitionVersions.Where(d => d.DefinitionId == id).ToListAsync(ct);
        if (versions.Count == 0) throw new NotFoundException(Words.Current["Definitions.DefinitionStore.ThereIsNoWorkflowDefinition", id].Value);
        var draft = versions.FirstOrDefault(v => !v.IsPublished)
            ?? throw new ConflictException(Words.Current["Definitions.DefinitionStore.WorkflowDefinitionHasNoDraftTo", id, versions.Max(v => v.Version)].Value);
        // Checked again: activity types may have changed since the draft was saved.
        _ = parser.Parse(draft.Json).Valid;
        draft.IsPublished = true;
        draft.PublishedAt = draft.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>
    /// Publishes a shipped definition file unless its latest published version already says the same,
    /// so restarts add no versions and running instances keep theirs. Returns the version published, or null.
    /// </summary>
    public async Task<int?> ImportAsync(string json, CancellationToken ct = default)
    {
        // An unchanged file is found before it is validated: validating (the parser, the validators, Jint compiling
        // every expression) is most of a start's time when it is code's first run, and the version it matches was
        // validated when it was published. Docs: docs/scale.md, "Start to ready".
        if (await UnchangedAsync(json, ct)) return null;
        var (definition, node) = Validate(json);
        var versions = await db.DefinitionVersions.Where(d => d.DefinitionId == definition.Id).ToListAsync(ct);
        var latest = versions.Where(v => v.IsPublished).MaxBy(v => v.Version);
        var draft = versions.FirstOrDefault(v => !v.IsPublished);
        var version = (latest?.Version ?? 0) + 1;
        if (draft is not null)
        {
            // The designer's draft stays a draft, numbered after the version the file brings.
            db.DefinitionVersions.Remove(draft);
            await db.SaveChangesAsync(ct);
            db.DefinitionVersions.Add(Renumbered(draft, version + 1));
        }
        db.DefinitionVersions.Add(NewRow(definition, node, version, published: true));
        await db.SaveChangesAsync(ct);
        return version;
    }

    private async Task<bool> UnchangedAsync(string json, CancellationToken ct)
    {
        try
        {
            if (ReadNode(json) is not JsonObject node || node["id"] is not JsonValue id || !id.TryGetValue<string>(out var definitionId)) return false;
            var latest = await db.DefinitionVersions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.IsPublished)
                .OrderByDescending(d => d.Version).Select(d => d.Json).FirstOrDefaultAsync(ct);
            return latest is not null && SameContent(JsonNode.Parse(latest)!.AsObject(), node);
        }
        catch (System.Text.Json.JsonException)
        {
            // Validate names what is wrong with it.
            return false;
        }
    }

    private (WorkflowDefinition, JsonObject) Validate(string json)
    {
        var parsed = parser.Parse(json);
        return (parsed.Valid, ReadNode(json)!.AsObject());
    }

    private static JsonNode? ReadNode(string json) =>
        JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private DefinitionVersion NewRow(WorkflowDefinition definition, JsonObject node, int version, bool published)
    {
        node["version"] = version;
        var now = time.GetUtcNow();
        return new DefinitionVersion
        {
            DefinitionId = definition.Id,
            Version = version,
            IsPublished = published,
            Name = definition.Name.In(LocalizedText.DefaultLanguage),
            Json = node.ToJsonString(WorkflowJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = published ? now : null,
        };
    }

    private static DefinitionVersion Renumbered(DefinitionVersion draft, int version)
    {
        var node = JsonNode.Parse(draft.Json)!.AsObject();
        node["version"] = version;
        return new DefinitionVersion
        {
            DefinitionId = draft.DefinitionId,
            Version = version,
            Name = draft.Name,
            Json = node.ToJsonString(WorkflowJson.Options),
            CreatedAt = draft.CreatedAt,
            UpdatedAt = draft.UpdatedAt,
        };
    }

    private static bool SameContent(JsonObject a, JsonObject b)
    {
        var left = a.DeepClone().AsObject();
        var right = b.DeepClone().AsObject();
        left.Remove("version");
        right.Remove("version");
        return JsonNode.DeepEquals(left, right);
    }
}
