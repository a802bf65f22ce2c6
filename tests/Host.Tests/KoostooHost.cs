using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Tests;

/// <summary>
/// The real host over a temporary folder of its own: a SQLite file and a workflows folder that starts as a copy of the
/// repository's <c>workflows/*.json</c>. The host starts on first use of <see cref="Client"/>, so a test can add files
/// first; <see cref="Restart"/> stops it, and the next use starts a new one over the same folder.
/// <see cref="OverPostgres"/> makes one whose database is a PostgreSQL database instead of the SQLite file.
/// </summary>
public sealed class KoostooHost : IDisposable
{
    private readonly string? _postgres;
    private Factory? _factory;

    public KoostooHost() : this(postgres: null)
    {
    }

    private KoostooHost(string? postgres)
    {
        _postgres = postgres;
        Folder = Directory.CreateTempSubdirectory("koostoo-host-").FullName;
        Directory.CreateDirectory(WorkflowsFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json"))
            File.Copy(file, Path.Combine(WorkflowsFolder, Path.GetFileName(file)));
    }

    /// <summary>The host with <c>Koostoo:Database:Provider = Postgres</c> over the given database (and so Hangfire's PostgreSQL storage).</summary>
    public static KoostooHost OverPostgres(string connectionString) => new(connectionString);

    public string Folder { get; }
    public string WorkflowsFolder => Path.Combine(Folder, "workflows");

    public HttpClient Client => (_factory ??= new Factory(this)).CreateClient();

    /// <summary>The running host's services, for what a test drives below the API (many instances at once, the timer sweep).</summary>
    public IServiceProvider Services => (_factory ??= new Factory(this)).Services;

    private DatabaseOptions Database => _postgres is null
        ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(Folder, "koostoo.db")}" }
        : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _postgres };

    /// <summary>
    /// A context of the host's own provider on its database, without starting the host: to leave the database as an
    /// older version of the service would have, before the host migrates it.
    /// </summary>
    public KoostooDbContext NewDbContext()
    {
        if (_postgres is null)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteKoostooDbContext>();
            Database.Configure(sqlite);
            return new SqliteKoostooDbContext(sqlite.Options);
        }
        var postgres = new DbContextOptionsBuilder<PostgresKoostooDbContext>();
        Database.Configure(postgres);
        return new PostgresKoostooDbContext(postgres.Options);
    }

    /// <summary>Creates and publishes a definition through the API, as an admin would.</summary>
    public async Task PublishAsync(string json)
    {
        (await Client.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var id = System.Text.Json.Nodes.JsonNode.Parse(json)!["id"]!.GetValue<string>();
        (await Client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    public void Restart()
    {
        _factory?.Dispose();
        _factory = null;
    }

    public void Dispose()
    {
        Restart();
        // Pooled connections keep the database file open; they have to go before the folder can.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Koostoo.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private sealed class Factory(KoostooHost host) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // As deployed, not as on a developer's machine: errors look as a user sees them.
            builder.UseEnvironment("Production");
            builder.UseSetting("Koostoo:Database:Provider", host.Database.Provider.ToString());
            builder.UseSetting("Koostoo:Database:ConnectionString", host.Database.ConnectionString);
            builder.UseSetting("Koostoo:Workflows:Folder", host.WorkflowsFolder);
            // A network launched in a test mails its members: into the test's folder, not the repository's.
            builder.UseSetting("Koostoo:Mail:PickupFolder", Path.Combine(host.Folder, "mail"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
