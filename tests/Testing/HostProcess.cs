using System.Diagnostics;
using System.Net;

namespace Koostoo.Testing;

/// <summary>
/// The real host as a separate process over a folder of its own (database, workflows), for what only a process
/// can show: start-up time, and a SIGKILL in the middle. Shared by the tests and the benchmarks.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The host's process id, for what only /proc tells of it.</summary>
    public int ProcessId => _process.Id;

    /// <summary>A client of the API as the test's staff user (the first admin's key).</summary>
    public HttpClient Client() => KoostooApp.AsStaff(new HttpClient { BaseAddress = new Uri(Url) });

    /// <summary>The CPU time the process has used so far, both cores and the kernel's work for it counted.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The process's resident memory now, from /proc (Linux), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <param name="hostDll">The host to run; the one built beside the caller unless given (a published one, say).</param>
    public static HostProcess Start(string folder, string databaseFile, IReadOnlyDictionary<string, string>? settings = null, string? hostDll = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        hostDll ??= Path.Combine(AppContext.BaseDirectory, "Koostoo.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll, "--urls", url])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Koostoo__Database__ConnectionString"] = $"Data Source={databaseFile}";
        start.Environment["Koostoo__Workflows__Folder"] = Path.Combine(folder, "workflows");
        start.Environment["Koostoo__DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The benchmarks answer as many members from this one machine.
        start.Environment["Koostoo__RateLimits__Links__PermitLimit"] = "1000000";
        // The first admin and its key, as KoostooApp has them: HttpClients from Client() call the API as staff.
        start.Environment["Koostoo__Bootstrap__AdminEmail"] = KoostooApp.StaffEmail;
        start.Environment["Koostoo__Bootstrap__AdminPassword"] = KoostooApp.StaffPassword;
        start.Environment["Koostoo__Bootstrap__AdminApiKey"] = KoostooApp.StaffKey;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, url);
    }

    /// <summary>Polls /health until it answers; returns when it did.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with code {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync($"{Url}/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        throw new TimeoutException("The host did not become ready.");
    }

    /// <summary>Ends the process at once, as a power cut or the OOM killer would (SIGKILL): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

}
