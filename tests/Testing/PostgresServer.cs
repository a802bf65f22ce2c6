using System.Diagnostics;
using Npgsql;

namespace Koostoo.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, started on a free 127.0.0.1
/// port with its socket in that folder, stopped and deleted on dispose. Each test asks for a fresh database of its own.
/// The server trusts local connections (it listens on loopback only and lives for one test run), so no password exists
/// to leak. PostgreSQL refuses to run as root; under root its commands run as the postgres user Debian's package creates.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asRoot;
    private int _databases;

    private PostgresServer(string bin, string folder, bool asRoot, int port)
    {
        _bin = bin;
        _folder = folder;
        _asRoot = asRoot;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var asRoot = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("koostoo-pg-").FullName;
        try
        {
            if (asRoot) await RunAsync("chown", ["postgres", folder]);
            var server = new PostgresServer(bin, folder, asRoot, FreePort.Next());
            // No fsync of a fresh cluster that lives for minutes; a superuser named postgres whoever runs it.
            await server.RunToolAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            // Room for the idle pools the tests' many databases leave behind until the server goes.
            string[] options = ["-p", $"{server.Port}", "-k", folder, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"];
            await server.RunToolAsync("pg_ctl", ["-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", string.Join(' ', options), "start"]);
            await server.WaitUntilAcceptingAsync();
            return server;
        }
        catch (Exception e)
        {
            var log = Path.Combine(folder, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "";
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException($"The test PostgreSQL server did not start: {e.Message}\n{tail}", e);
        }
    }

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>Creates an empty database with a name no other test uses and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"koostoo_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would only see their server vanish.
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var found = Directory.Exists(BinariesRoot)
            ? Directory.EnumerateDirectories(BinariesRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a PostgreSQL server's programs (initdb, pg_ctl) under {BinariesRoot}/<version>/bin and found none. " +
            "Install Debian's postgresql package (./test.sh does when it is missing): apt-get install postgresql");
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    private Task RunToolAsync(string tool, IEnumerable<string> arguments) =>
        _asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var (code, output, error) = await ProgramRun.RunAsync(new ProcessStartInfo(program, arguments));
        if (code != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {code}: {error}{output}");
    }

}
