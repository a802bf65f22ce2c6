using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Tests;

/// <summary>
/// The real host (<see cref="KoostooApp"/>) as deployed (Production), over a folder of its own that starts with a copy of
/// the repository's workflows. It starts on first use of <see cref="Client"/>, so a test can add files first;
/// <see cref="Restart"/> stops it, and the next use starts a new one over the same folder. <see cref="OverPostgres"/>
/// makes one whose database is a PostgreSQL database instead of the SQLite file.
/// </summary>
public sealed class KoostooHost : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings = new() { ["Logging:LogLevel:Default"] = "Warning" };
    private KoostooApp? _app;
    private string? _postgres;

    public KoostooHost()
    {
        _folder.CopyWorkflows();
    }

    /// <summary>The host with <c>Koostoo:Database:Provider = Postgres</c> over the given database (and so Hangfire's PostgreSQL storage).</summary>
    public static KoostooHost OverPostgres(string connectionString)
    {
        var host = new KoostooHost { _postgres = connectionString };
        host._settings["Koostoo:Database:Provider"] = "Postgres";
        host._settings["Koostoo:Database:ConnectionString"] = connectionString;
        return host;
    }

    public string Folder => _folder.Path;
    public string WorkflowsFolder => _folder.Workflows;

    private KoostooApp App => _app ??= new KoostooApp(_folder, _settings, environment: "Production");

    public HttpClient Client => App.CreateClient();

    /// <summary>The running host's services, for what a test drives below the API (many instances at once, the timer sweep).</summary>
    public IServiceProvider Services => App.Services;

    private DatabaseOptions Database => _postgres is null
        ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_folder["koostoo.db"]}" }
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
        _app?.Dispose();
        _app = null;
    }

    public void Dispose()
    {
        Restart();
        _folder.Dispose();
    }
}
