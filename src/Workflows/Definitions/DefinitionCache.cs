using System.Collections.Concurrent;

namespace Koostoo.Workflows.Definitions;

/// <summary>Parsed published versions: they are frozen, so each is parsed once per process.</summary>
public sealed class DefinitionCache(DefinitionParser parser)
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _parsed = new();

    /// <summary>A published version parsed before, without asking the database.</summary>
    public bool TryGet(string id, int version, out WorkflowDefinition definition) =>
        _parsed.TryGetValue((id, version), out definition!);

    public WorkflowDefinition Get(DefinitionVersion version)
    {
        if (!version.IsPublished) return parser.Parse(version.Json).Valid;
        return _parsed.GetOrAdd((version.DefinitionId, version.Version), _ => parser.Parse(version.Json).Valid);
    }
}
