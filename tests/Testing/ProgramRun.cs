using System.Diagnostics;

namespace Koostoo.Testing;

/// <summary>A program run to its end (a command of the host, MSBuild, PostgreSQL's tools), with what it printed.</summary>
public static class ProgramRun
{
    /// <summary>Both outputs are read while it runs: a program that fills one pipe while the other is awaited would hang.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
