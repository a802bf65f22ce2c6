namespace Koostoo.Testing;

/// <summary>The repository the tests run from: its root (where Koostoo.slnx is) and the shipped workflows.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Koostoo.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Koostoo.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
