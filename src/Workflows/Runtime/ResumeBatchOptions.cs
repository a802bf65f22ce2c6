namespace Koostoo.Workflows.Runtime;

/// <summary>The <c>Koostoo:Batches</c> section: how stimuli that arrive together are resumed together (docs/engine.md).</summary>
public sealed class ResumeBatchOptions
{
    public const string Section = "Koostoo:Batches";

    /// <summary>Off: every resume is a transaction of its own, as before batching.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most resumes one transaction carries.</summary>
    public int MaxSize { get; set; } = 100;

    /// <summary>
    /// The longest a stimulus waits for batch-mates once the writer is free. Only waited when the previous batch had
    /// company (load is on), so a lone answer on a quiet host is never delayed.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Batches written side by side: SQLite has one writer (always 1); PostgreSQL takes several (default 4).</summary>
    public int PostgresWriters { get; set; } = 4;
}
