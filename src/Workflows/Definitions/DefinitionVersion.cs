namespace Koostoo.Workflows.Definitions;

/// <summary>
/// One stored version of a definition. At most one per definition is a draft (the one the designer edits,
/// numbered after the last published); published versions are frozen and instances keep theirs.
/// </summary>
public sealed class DefinitionVersion
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public bool IsPublished { get; set; }
    /// <summary>The name in Estonian, for lists without parsing the JSON.</summary>
    public string Name { get; set; } = "";
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
