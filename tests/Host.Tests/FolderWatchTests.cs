namespace Koostoo.Host.Tests;

/// <summary>
/// The host reads its settings once, at start, and watches no folder: a watch on its folder would take in the database
/// and the mail below it and wake a thread for every write the service makes (docs/scale.md, The request page).
/// </summary>
public sealed class FolderWatchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_running_host_watches_no_file_or_folder()
    {
        Directory.CreateDirectory(_folder.Workflows);
        await using var host = HostProcess.Start(_folder.Path, _folder["koostoo.db"]);
        await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));

        // Each watch of an inotify instance is one "inotify wd:" line of its descriptor's fdinfo (Linux).
        var watches = Directory.GetFiles($"/proc/{host.ProcessId}/fd")
            .Where(fd => new FileInfo(fd).LinkTarget == "anon_inode:inotify")
            .SelectMany(fd => File.ReadLines($"/proc/{host.ProcessId}/fdinfo/{Path.GetFileName(fd)}"))
            .Where(line => line.StartsWith("inotify wd:", StringComparison.Ordinal))
            .ToList();
        watches.Should().BeEmpty("the host's folder holds its database, and every write to it would wake the watcher");
    }
}
