namespace Koostoo.Testing;

/// <summary>A folder of the test's own, deleted afterwards: the host's database, mail and workflows live here.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("koostoo-test-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>The folder's <c>workflows</c>, a copy of the repository's shipped definitions that a test may change.</summary>
    public string Workflows => this["workflows"];

    /// <summary>Copies the repository's <c>workflows/*.json</c> into <see cref="Workflows"/>; returns that folder.</summary>
    public string CopyWorkflows()
    {
        Directory.CreateDirectory(Workflows);
        foreach (var file in Directory.EnumerateFiles(Repository.Workflows, "*.json"))
            File.Copy(file, System.IO.Path.Combine(Workflows, System.IO.Path.GetFileName(file)), overwrite: true);
        return Workflows;
    }

    public void Dispose()
    {
        // Pooled connections keep the database file open; they have to go before the folder can.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process being torn down; the OS temp cleaner takes it.
        }
    }
}
