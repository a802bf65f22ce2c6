using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Koostoo.Designer.Tests;

/// <summary>
/// The real host over a temp folder holding a copy of the repository's workflows/, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). One per test class; every test gets a fresh browser context.
/// </summary>
public sealed class DesignerHost : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private HostProcess? _host;
    private IPlaywright? _playwright;

    /// <summary>Kept after the run (overwritten by the next one), so a person can look at what the browser showed.</summary>
    public static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "koostoo-designer-tests", "screenshots");

    public string Url => _host!.Url;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public static string WorkflowsFolder => Repository.Workflows;

    public async Task InitializeAsync()
    {
        _folder.CopyWorkflows();
        Directory.CreateDirectory(Screenshots);
        _host = HostProcess.Start(_folder.Path, _folder["koostoo.db"]);
        await _host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        Http = _host.Client();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A page in a context of its own (cold cache, no stored language), sized like an admin's laptop screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "et-EE", ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        return await context.NewPageAsync();
    }

    public async Task<JsonObject> GetAsync(string path) =>
        (await Http.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>
    /// Launches a network on a definition as a coordinator does (POST /api/networks), with two members, one answering
    /// in English; the invitations go to the host's pickup folder. Returns the network as the API shows it.
    /// </summary>
    public async Task<JsonObject> LaunchNetworkAsync(string definitionId, string name)
    {
        var response = await Http.PostAsJsonAsync("/api/networks", new
        {
            name,
            purpose = "Vähendada koolist väljalangemist vallas",
            coordinatorName = "Kati Kask",
            coordinatorEmail = "kati@vald.example",
            definitionId,
            members = new[]
            {
                new { name = "Mari Maasikas", email = "mari@kool.example", language = "et", sector = "Education" },
                new { name = "John Smith", email = "john@ngo.example", language = "en", sector = "Ngo" },
            },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        _folder.Dispose();
    }
}
