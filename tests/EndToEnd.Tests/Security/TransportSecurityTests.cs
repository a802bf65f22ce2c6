using System.Net;
using Koostoo.Service.Access;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// Outside Development plain HTTP is redirected and HTTPS answers carry HSTS; a coordinator's session outlives a
/// restart of the host, because the keys that sign it are kept in the data folder.
/// </summary>
public sealed class TransportSecurityTests : IDisposable
{
    private const string Email = "kati@vald.example", Password = "Kooli võrgustik 2026 kevad";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Plain_http_is_redirected_and_https_answers_say_to_stay_on_https()
    {
        await using var app = new KoostooApp(_folder, new Dictionary<string, string?> { ["https_port"] = "443" }, environment: "Production");
        var plain = app.CreateAnonymousClient();
        plain.BaseAddress = new Uri("http://koostoo.vald.example");
        var redirected = await plain.GetAsync("/account/login");
        redirected.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        redirected.Headers.Location.Should().Be(new Uri("https://koostoo.vald.example/account/login"));

        var secure = app.CreateAnonymousClient();
        secure.BaseAddress = new Uri("https://koostoo.vald.example");
        var page = await secure.GetAsync("/account/login");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().Should().StartWith("max-age=");
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_the_host()
    {
        string cookie;
        await using (var first = new KoostooApp(_folder))
        {
            await first.CreateStaffAsync(Email, Password, StaffRoles.Coordinator);
            var (client, signedIn) = await first.SignInAsync(Email, Password);
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
            cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            (await client.GetAsync("/networks")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        Directory.EnumerateFiles(_folder["keys"], "key-*.xml").Should().NotBeEmpty("the signing keys are kept in the data folder");

        await using var again = new KoostooApp(_folder);
        var browser = again.CreateAnonymousClient();
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        (await browser.GetAsync("/networks")).StatusCode.Should().Be(HttpStatusCode.OK, "the same cookie still signs her in after the restart");
    }
}
