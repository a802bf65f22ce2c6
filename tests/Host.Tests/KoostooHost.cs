using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

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

    public HttpClient Client => (_factory ??= new Factory(Folder, WorkflowsFolder, _postgres)).CreateClient();

    /// <summary>The running host's services, for what a test drives below the API (many instances at once, the timer sweep).</summary>
    public IServiceProvider Services => (_factory ??= new Factory(Folder, WorkflowsFolder, _postgres)).Services;

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

    private sealed class Factory(string folder, string workflowsFolder, string? postgres) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // As deployed, not as on a developer's machine: errors look as a user sees them.
            builder.UseEnvironment("Production");
            builder.UseSetting("Koostoo:Database:Provider", postgres is null ? "Sqlite" : "Postgres");
            builder.UseSetting("Koostoo:Database:ConnectionString", postgres ?? $"Data Source={Path.Combine(folder, "koostoo.db")}");
            builder.UseSetting("Koostoo:Workflows:Folder", workflowsFolder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
