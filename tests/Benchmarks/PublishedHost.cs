using System.Diagnostics;

namespace Koostoo.Benchmarks;

/// <summary>
/// The host published as docs/operations.md tells a server to run it (ReadyToRun, framework-dependent), so that its
/// start and its first burst of timers can be measured beside the build's, whose code the JIT compiles as it first
/// runs and compiles again once it is hot.
/// </summary>
public sealed class PublishedHost : IDisposable
{
    private readonly string _folder;

    private PublishedHost(string folder) => _folder = folder;

    public string HostDll => Path.Combine(_folder, "Koostoo.Host.dll");

    public static async Task<PublishedHost> ReadyToRunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("koostoo-bench-published-").FullName;
        Console.WriteLine("Publishing the host ReadyToRun (about a minute)");
        var (code, output, error) = await ProgramRun.RunAsync(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(Repository.Root, "src", "Host"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
             "-p:PublishReadyToRun=true", "-o", folder]));
        if (code != 0)
        {
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException($"dotnet publish failed ({code}):\n{output}\n{error}");
        }
        return new PublishedHost(folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
