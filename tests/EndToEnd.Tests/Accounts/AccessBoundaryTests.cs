using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koostoo.Service.Access;

namespace Koostoo.EndToEnd.Tests.Accounts;

/// <summary>
/// Every role boundary through the real host: nobody signed in, coordinator A on coordinator B's network (pages, API,
/// work sheets, meetings, commands: 404 and nothing of B in the body), a coordinator on the admins' doors, a co-coordinator
/// given and losing access, a revoked key, and a cookie-signed-in change that is not JSON.
/// </summary>
public sealed class AccessBoundaryTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private HttpClient _admin = null!;
    private Guid _networkA;
    private Guid _networkB;

    private const string SecretName = "Mari salajane juhtumivõrgustik";
    private const string SecretMember = "Salajane Sass";
    private const string SecretEmail = "sass@salajane.example";

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        _admin = _app.CreateClient();
        _networkA = await LaunchAsync("Kati võrgustik", "kati@vald.example", "Avalik Liige", "avalik@kool.example");
        _networkB = await LaunchAsync(SecretName, "mari@vald.example", SecretMember, SecretEmail);
    }

    private async Task<Guid> LaunchAsync(string name, string coordinator, string member, string email)
    {
        var response = await _admin.PostAsJsonAsync("/api/networks", new
        {
            name, purpose = "Toetada last ja peret", coordinatorName = "Koordinaator", coordinatorEmail = coordinator, definitionId = "network-lifecycle",
            members = new[] { new { name = member, email, language = "et", sector = "Education" } },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static HttpRequestMessage Page(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    [Fact]
    public async Task Nobody_signed_in_reaches_only_the_open_doors()
    {
        var anonymous = _app.CreateAnonymousClient();
        foreach (var path in new[] { "/api/networks", $"/api/networks/{_networkB}", "/api/workflow-definitions", "/api/workflow-instances", "/api/admin/incidents",
                     $"/networks/{_networkB}/sheets/members.csv", "/hangfire", "/designer/", "/mailbox", $"/networks/{_networkB}", "/admin/users", "/account/keys" })
        {
            var response = await anonymous.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
            (await response.Content.ReadAsStringAsync()).Should().NotContain(SecretName).And.NotContain(SecretEmail);
        }
        var page = await anonymous.SendAsync(Page($"/networks/{_networkB}"));
        page.StatusCode.Should().Be(HttpStatusCode.Redirect, "a person is sent to sign in");
        page.Headers.Location!.ToString().Should().StartWith("http://localhost/account/login?ReturnUrl=");

        (await anonymous.PostAsync($"/api/networks/{_networkB}/cancel", JsonContent.Create(new { }))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        foreach (var open in new[] { "/health", "/account/login", "/account/forgot-password", "/css/site.css" })
            (await anonymous.GetAsync(open)).StatusCode.Should().Be(HttpStatusCode.OK, open);
        (await anonymous.GetAsync("/r/not-a-link")).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, "members' links need no account");
    }

    [Fact]
    public async Task Coordinator_A_gets_nothing_of_coordinator_Bs_network()
    {
        var kati = await _app.CoordinatorClientAsync("kati@vald.example");

        var list = await kati.GetStringAsync("/api/networks");
        list.Should().Contain("Kati võrgustik").And.NotContain(SecretName);
        (await kati.GetAsync($"/api/networks/{_networkA}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var tries = new List<HttpRequestMessage>
        {
            new(HttpMethod.Get, $"/api/networks/{_networkB}"),
            Page($"/networks/{_networkB}"),
            Page($"/networks/{_networkB}/sheets/members"),
            new(HttpMethod.Get, $"/networks/{_networkB}/sheets/members.csv"),
            new(HttpMethod.Get, $"/networks/{_networkB}/sheets/members.xlsx"),
            new(HttpMethod.Get, $"/api/networks/{_networkB}/meetings"),
            Page($"/networks/{_networkB}/meetings/new"),
            new(HttpMethod.Get, $"/api/networks/{_networkB}/access"),
            new(HttpMethod.Post, $"/api/networks/{_networkB}/cancel") { Content = JsonContent.Create(new { }) },
            new(HttpMethod.Post, $"/api/networks/{_networkB}/members") { Content = JsonContent.Create(new { name = "Uus", email = "uus@kool.example", sector = "Health" }) },
            new(HttpMethod.Post, $"/api/networks/{_networkB}/steps/convene/remind") { Content = JsonContent.Create(new { }) },
            new(HttpMethod.Post, $"/api/networks/{_networkB}/meetings") { Content = JsonContent.Create(new { title = "Kohtumine", startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(1), place = "Saal" }) },
        };
        foreach (var request in tries)
        {
            var what = $"{request.Method} {request.RequestUri}";
            var response = await kati.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, what);
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContain(SecretName, what).And.NotContain(SecretMember, what).And.NotContain(SecretEmail, what);
        }
        var b = (await _admin.GetFromJsonAsync<JsonObject>($"/api/networks/{_networkB}"))!;
        b["status"]!.GetValue<string>().Should().NotBe("Cancelled");
        b["members"]!.AsArray().Should().ContainSingle("nobody was added");
    }

    [Fact]
    public async Task A_coordinator_is_refused_at_every_admin_door()
    {
        var kati = await _app.CoordinatorClientAsync("kati@vald.example");
        foreach (var path in new[] { "/admin/users", "/mailbox", "/api/workflow-definitions", "/api/workflow-definitions/network-lifecycle", $"/api/workflow-instances/{Guid.NewGuid()}",
                     "/api/admin/migrations/network-lifecycle", "/designer/", "/designer/definitions/network-lifecycle/migrate", "/account/keys?all=true" })
        {
            var response = await kati.GetAsync(path);
            if (path == "/account/keys?all=true")
            {
                // Her own keys page, without anyone else's keys.
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                (await response.Content.ReadAsStringAsync()).Should().NotContain("bootstrap");
                continue;
            }
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, path);
        }
        (await kati.GetAsync("/hangfire")).StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        var definition = await kati.PostAsync("/api/workflow-definitions", new StringContent("{}", Encoding.UTF8, "application/json"));
        definition.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await kati.GetAsync("/admin/incidents")).StatusCode.Should().Be(HttpStatusCode.OK, "a coordinator sees her own networks' incidents there");
        (await _admin.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_gives_a_co_coordinator_access_and_withdraws_it()
    {
        var kati = await _app.CoordinatorClientAsync("kati@vald.example");
        (await kati.GetAsync($"/api/networks/{_networkB}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await kati.PostAsJsonAsync($"/api/networks/{_networkB}/access", new { email = "kati@vald.example" })).StatusCode.Should().Be(HttpStatusCode.Forbidden,
            "only an admin gives access");

        (await _admin.PostAsJsonAsync($"/api/networks/{_networkB}/access", new { email = "kati@vald.example" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await kati.GetStringAsync($"/api/networks/{_networkB}")).Should().Contain(SecretName);
        (await kati.GetStringAsync("/api/networks")).Should().Contain(SecretName);
        (await kati.GetAsync($"/networks/{_networkB}/sheets/members.csv")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.GetStringAsync($"/api/networks/{_networkB}/access")).Should().Contain("kati@vald.example");

        (await _admin.DeleteAsync($"/api/networks/{_networkB}/access/kati@vald.example")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await kati.GetAsync($"/api/networks/{_networkB}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoked_key_opens_nothing()
    {
        var id = await _app.CreateStaffAsync("mari@vald.example", "Her own long password 42", StaffRoles.Coordinator);
        var key = await _app.CreateKeyAsync(id, "aruanded");
        var client = _app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.GetStringAsync("/api/networks")).Should().Contain(SecretName);

        // She revokes it on her keys page, signed in with her password.
        var (browser, signIn) = await _app.SignInAsync("mari@vald.example", "Her own long password 42");
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var keys = await browser.GetStringAsync("/account/keys");
        keys.Should().Contain("aruanded").And.Contain(key[..12]).And.NotContain(key, "a key is shown only when it is made");
        var keyId = System.Text.RegularExpressions.Regex.Match(keys, "data-key=\"([^\"]+)\"").Groups[1].Value;
        var token = System.Text.RegularExpressions.Regex.Match(keys, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        (await browser.PostAsync("/account/keys?handler=revoke", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["id"] = keyId, ["__RequestVerificationToken"] = token }))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var refused = await client.GetAsync("/api/networks");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).Should().NotContain(SecretName);
        (await browser.GetStringAsync("/account/keys")).Should().Contain("tühistatud");
        client.DefaultRequestHeaders.Authorization = new("Bearer", "koostoo_" + new string('x', 43));
        (await client.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "an unknown key");
    }

    [Fact]
    public async Task A_signed_in_change_that_is_not_json_is_refused_so_no_other_sites_form_can_cancel_a_network()
    {
        await _app.CreateStaffAsync("kati@vald.example", "Her own long password 42", StaffRoles.Coordinator);
        var (kati, _) = await _app.SignInAsync("kati@vald.example", "Her own long password 42");

        var form = await kati.PostAsync($"/api/networks/{_networkA}/cancel", new FormUrlEncodedContent(new Dictionary<string, string>()));
        form.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var text = await kati.PostAsync($"/api/networks/{_networkA}/cancel", new StringContent("", Encoding.UTF8, "text/plain"));
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await _admin.GetFromJsonAsync<JsonObject>($"/api/networks/{_networkA}"))!["status"]!.GetValue<string>().Should().NotBe("Cancelled");

        var json = await kati.PostAsync($"/api/networks/{_networkA}/cancel", JsonContent.Create(new { }));
        json.StatusCode.Should().Be(HttpStatusCode.OK, await json.Content.ReadAsStringAsync());
        (await _admin.GetFromJsonAsync<JsonObject>($"/api/networks/{_networkA}"))!["status"]!.GetValue<string>().Should().Be("Cancelled");
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_key_and_the_session_cookie()
    {
        var document = await _admin.GetStringAsync("/openapi/v1.json");
        document.Should().Contain("\"apiKey\"").And.Contain("\"bearer\"").And.Contain("\"session\"").And.Contain("koostoo.session");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
