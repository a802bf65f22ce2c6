using System.Diagnostics;
using Koostoo.Workflows.Runtime;
using Microsoft.Data.Sqlite;

namespace Koostoo.Benchmarks;

/// <summary>
/// Issue 3's numbers: (1) N timers due at one moment, fired by the real host through Hangfire: how late the
/// last one fires and how many fire per second; (2) the host's time from process start to ready with 100,000
/// pending future timers, beside an empty database (Elsa 3 needs 5.7 s for 100k, its issue #7735), for the build and
/// for the host published ReadyToRun.
/// </summary>
public static class TimerBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var timers = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var pending = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        await TimersDueAtOnceAsync(timers);
        await StartupWithPendingTimersAsync(pending);
        using var published = await PublishedHost.ReadyToRunAsync();
        await TimersDueAtOnceAsync(timers, published.HostDll);
        await StartupWithPendingTimersAsync(pending, published.HostDll);
    }

    /// <returns>First and last lateness in seconds, and how many fired.</returns>
    /// <param name="hostDll">A published host to start; the build's when not given.</param>
    public static async Task<(double First, double Last, int Fired)> TimersDueAtOnceAsync(int count, string? hostDll = null)
    {
        var folder = Directory.CreateTempSubdirectory("koostoo-bench-").FullName;
        var database = Path.Combine(folder, "koostoo.db");
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(30);
        await TimerSeed.CreateAsync(database, count, dueAt);
        Console.WriteLine($"Seeded {count:N0} timers due at {dueAt:HH:mm:ss}; starting the host ({(dueAt - DateTimeOffset.UtcNow).TotalSeconds:F0} s before they are due)");

        (double, double, int) result;
        await using (var host = HostProcess.Start(folder, database, hostDll: hostDll))
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
            var finished = await WaitForFinishedAsync(database, count, dueAt + TimeSpan.FromMinutes(5));
            var first = finished.Min();
            var last = finished.Max();
            Console.WriteLine($"Timers due at one moment ({Which(hostDll)}): {count:N0}, fired {finished.Count:N0}");
            Console.WriteLine($"  first fired {(first - dueAt).TotalSeconds:F2} s after due, last {(last - dueAt).TotalSeconds:F2} s after due");
            Console.WriteLine($"  {finished.Count / Math.Max(0.001, (last - first).TotalSeconds):N0} timers fired per second (first to last)");
            Console.WriteLine($"  each resumed once: {await ResumedOnceAsync(database, count)}");
            result = ((first - dueAt).TotalSeconds, (last - dueAt).TotalSeconds, finished.Count);
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return result;
    }

    /// <returns>Median seconds from process start to /health answering, with none and with <paramref name="pending"/> future timers.</returns>
    /// <param name="hostDll">A published host to start; the build's when not given.</param>
    public static async Task<(double Empty, double Pending)> StartupWithPendingTimersAsync(int pending, string? hostDll = null)
    {
        var medians = new List<double>();
        foreach (var count in new[] { 0, pending })
        {
            var folder = Directory.CreateTempSubdirectory("koostoo-bench-").FullName;
            var database = Path.Combine(folder, "koostoo.db");
            await TimerSeed.CreateAsync(database, count, DateTimeOffset.UtcNow.AddDays(30));
            var times = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                await using var host = HostProcess.Start(folder, database, hostDll: hostDll);
                await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
                times.Add(clock.Elapsed.TotalSeconds);
            }
            times.Sort();
            Console.WriteLine($"Start to ready ({Which(hostDll)}) with {count:N0} pending future timers: median {times[1]:F2} s (runs: {string.Join(", ", times.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})");
            medians.Add(times[1]);
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return (medians[0], medians[1]);
    }

    private static string Which(string? hostDll) => hostDll is null ? "the build" : "published ReadyToRun";

    private static async Task<List<DateTimeOffset>> WaitForFinishedAsync(string database, int count, DateTimeOffset giveUp)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM workflow_instances WHERE Status = '{InstanceStatus.Finished}'";
            var done = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            if (done >= count || DateTimeOffset.UtcNow > giveUp) break;
            await Task.Delay(250);
        }
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT FinishedAt FROM workflow_instances WHERE Status = '{InstanceStatus.Finished}'";
        var result = new List<DateTimeOffset>();
        await using var reader = await read.ExecuteReaderAsync();
        // Stored by EF's DateTimeOffsetToBinaryConverter.
        var converter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        while (await reader.ReadAsync())
            result.Add((DateTimeOffset)converter.ConvertFromProvider(reader.GetInt64(0))!);
        return result;
    }

    private static async Task<bool> ResumedOnceAsync(string database, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal WHERE Event = 'Resumed'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == count;
    }
}
