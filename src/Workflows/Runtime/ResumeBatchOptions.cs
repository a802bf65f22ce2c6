namespace Koostoo.Workflows.Runtime;

/// <summary>The <c>Koostoo:Batches</c> section: how stimuli that arrive together are resumed together (docs/engine.md).</summary>
public sealed class ResumeBatchOptions
{
    public const string Section = "Koostoo:Batches";

    /// <summary>Off: every resume is a transaction of its own, as before batching.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most resumes one transaction carries.</summary>
    public int MaxSize { get; set; } = 100;

    /// <summary>Batches written side by side: SQLite has one writer (always 1); PostgreSQL takes several (default 4).</summary>
    public int PostgresWriters { get; set; } = 4;
}
