using System.Diagnostics;
using MimeKit;

namespace Koostoo.EndToEnd.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (under /usr/bin/python3), keeping every message it
/// accepts as a file in a Maildir. The port is chosen up front so a test can send before the server is up.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly TempFolder _folder = new();
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    /// <summary>Not created here: the Mailbox handler makes a Maildir (cur, new, tmp) only where no folder exists yet.</summary>
    private string Maildir => _folder["maildir"];

    public static async Task<SmtpServer> StartedAsync()
    {
        var server = new SmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        _process = ServerProcess.Start("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir]);
        if (!await ServerProcess.WaitUntilListeningAsync(_process, Port, TimeSpan.FromSeconds(20)))
            throw new InvalidOperationException($"aiosmtpd did not start on port {Port}: is Debian's python3-aiosmtpd installed?");
    }

    /// <summary>Every message received so far, parsed, oldest first.</summary>
    public List<MimeMessage> Messages()
    {
        var folder = System.IO.Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    public async Task<List<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages() is var messages && messages.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{messages.Count} of {count} messages arrived in {timeout}.");
            await Task.Delay(100);
        }
        return Messages();
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _folder.Dispose();
    }

}
