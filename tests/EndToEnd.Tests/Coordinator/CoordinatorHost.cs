using System.Net;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>
/// The real host on Kestrel at 127.0.0.1, because the coordinator's pages answer only this machine, and a
/// coordinator's browser for it: cookies kept (anti-forgery), redirects not followed so that tests see them.
/// </summary>
public sealed partial class CoordinatorHost : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    /// <param name="hostName">The name browsers use: "localhost" where they need a domain (a passkey's site is a domain, never an IP address).</param>
    public CoordinatorHost(string hostName = "127.0.0.1")
    {
        Port = FreePort.Next();
        App = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:PublicUrl"] = $"http://{hostName}:{Port}" });
        App.UseKestrel(Port);
        App.StartServer();
        Address = new Uri($"http://{hostName}:{Port}");
        Scenario = new AskScenario(App, Address);
        Browser = NewBrowser();
    }

    public int Port { get; }
    public Uri Address { get; }
    public KoostooApp App { get; }
    public AskScenario Scenario { get; }
    public HttpClient Browser { get; }
    public TempFolder Folder => _folder;

    /// <summary>A browser of its own (a member's): its own cookies.</summary>
    public HttpClient NewBrowser() =>
        KoostooApp.AsStaff(new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address });

    /// <summary>Another staff user's browser on this host: a new account with the Coordinator role, calling by its API key.</summary>
    public async Task<HttpClient> CoordinatorAsync(string email)
    {
        var id = await App.CreateStaffAsync(email, "A coordinator's long password", Koostoo.Service.Access.StaffRoles.Coordinator);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await App.CreateKeyAsync(id));
        return client;
    }

    public async Task<(HttpResponseMessage Response, string Html)> OpenAsync(string path)
    {
        var response = await Browser.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Opens the network page and posts one of its forms, as the coordinator's browser does.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> CommandAsync(object networkId, string handler, params (string Name, string Value)[] fields)
    {
        var (_, page) = await OpenAsync($"/networks/{networkId}");
        var token = TokenPattern().Match(page).Groups[1].Value;
        token.Should().NotBeEmpty("the page carries the anti-forgery token for its forms");
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        var response = await Browser.PostAsync($"/networks/{networkId}?handler={handler}", new FormUrlEncodedContent(values));
        return (response, await response.Content.ReadAsStringAsync());
    }

    public async Task<T> WithDbAsync<T>(Func<KoostooDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KoostooDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
