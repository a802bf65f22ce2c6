using System.Net;
using System.Text.RegularExpressions;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Accounts;

/// <summary>
/// Signing in as people do, through the pages: lockout, reset links (expired, reused), a disabled user's open session,
/// a changed password ending the other sessions, the password rules, and forwarded headers from a stranger.
/// </summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private const string Email = "kati@vald.example";
    private const string Password = "Her own long password 42";

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, new Dictionary<string, string?>
        {
            // The expired link needs a short life; the other tests do not wait that long between asking and using.
            ["Koostoo:Accounts:ResetLinkLifetime"] = "00:00:03",
        });
        _ = _app.Server;
        await _app.CreateStaffAsync(Email, Password, StaffRoles.Coordinator);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(page)).Groups[1].Value;
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task Signing_in_gives_a_session_cookie_that_is_HttpOnly_and_SameSite_and_signing_out_ends_it()
    {
        var (client, response) = await _app.SignInAsync(Email, Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("koostoo.session=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
        (await client.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await PostFormAsync(client, "/account/password", "/account/logout")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_that_even_the_right_one_is_refused()
    {
        for (var i = 0; i < 5; i++)
            (await _app.SignInAsync(Email, "a wrong password " + i)).Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var (client, locked) = await _app.SignInAsync(Email, Password);
        locked.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await locked.Content.ReadAsStringAsync()).Should().Contain("konto on ajutiselt lukus");
        (await client.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _app.SignInAsync("nobody@vald.example", Password)).Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<string> AskForResetLinkAsync()
    {
        var before = _app.DeliveredMail().Count;
        var anonymous = _app.CreateAnonymousClient();
        var asked = await PostFormAsync(anonymous, "/account/forgot-password", "/account/forgot-password", ("email", Email));
        (await asked.Content.ReadAsStringAsync()).Should().Contain("Kui sellel aadressil on konto");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_app.DeliveredMail().Count == before && DateTime.UtcNow < deadline) await Task.Delay(50);
        var mail = _app.DeliveredMail().Last();
        mail.To.Mailboxes.Single().Address.Should().Be(Email);
        var link = Regex.Match(mail.TextBody ?? "", @"http\S+/account/reset-password\?\S+").Value;
        link.Should().NotBeEmpty();
        return new Uri(link).PathAndQuery;
    }

    [Fact]
    public async Task A_reset_link_works_once_and_ends_the_old_sessions_and_a_late_one_not_at_all()
    {
        var (old, _) = await _app.SignInAsync(Email, Password);
        var link = await AskForResetLinkAsync();
        var anonymous = _app.CreateAnonymousClient();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        (string, string)[] fields = [("email", query["email"]!), ("token", query["token"]!), ("password", "A brand new long password")];

        var weak = await PostFormAsync(anonymous, link, "/account/reset-password", fields[0], fields[1], ("password", "password1234"));
        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).Should().Contain("levinud paroolide nimekirjas");

        (await PostFormAsync(anonymous, link, "/account/reset-password", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await old.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a new password ends every session");
        (await _app.SignInAsync(Email, "A brand new long password")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var again = await PostFormAsync(anonymous, link, "/account/reset-password", fields[0], fields[1], ("password", "Yet another long password"));
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a link works once");
        (await again.Content.ReadAsStringAsync()).Should().Contain("aegunud või juba kasutatud");

        var late = await AskForResetLinkAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var lateQuery = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + late).Query);
        var expired = await PostFormAsync(anonymous, late, "/account/reset-password", ("email", lateQuery["email"]!), ("token", lateQuery["token"]!), ("password", "Yet another long password"));
        expired.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the link has expired");
        (await _app.SignInAsync(Email, "A brand new long password")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the password stayed");
    }

    [Fact]
    public async Task A_disabled_users_open_session_ends_at_the_next_request_and_she_cannot_sign_in()
    {
        var (session, _) = await _app.SignInAsync(Email, Password);
        (await session.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(Email);
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetDisabledAsync(Actor.System("test"), user!.Id, disabled: true);
        }
        (await session.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _app.SignInAsync(Email, Password)).Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var (here, _) = await _app.SignInAsync(Email, Password);
        var (there, _) = await _app.SignInAsync(Email, Password);
        var changed = await PostFormAsync(here, "/account/password", "/account/password", ("current", Password), ("password", "A changed long password"));
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await here.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await there.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var short_ = await PostFormAsync(here, "/account/password", "/account/password", ("current", "A changed long password"), ("password", "short"));
        (await short_.Content.ReadAsStringAsync()).Should().Contain("vähemalt 12 märki");
    }

    [Fact]
    public async Task Forwarded_headers_from_a_client_that_is_no_configured_proxy_change_nothing()
    {
        using var folder = new TempFolder();
        await using var app = new KoostooApp(folder, new Dictionary<string, string?> { ["Koostoo:RateLimits:SignIn:PermitLimit"] = "3" });
        // On a real port: the client connects from 127.0.0.1, which is no configured proxy (loopback is not trusted either).
        var port = FreePort.Next();
        app.UseKestrel(port);
        app.StartServer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            request.Headers.Add("X-Forwarded-For", $"10.0.0.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        statuses.Should().Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            "every request is counted against who connected, whatever address it claims to forward");
        var admin = new HttpRequestMessage(HttpMethod.Get, "/mailbox");
        admin.Headers.Add("X-Forwarded-For", "127.0.0.1");
        (await client.SendAsync(admin)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "claiming to be this machine opens nothing");
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_is_counted_on_its_own()
    {
        using var folder = new TempFolder();
        await using var app = new KoostooApp(folder, new Dictionary<string, string?>
        {
            ["Koostoo:RateLimits:SignIn:PermitLimit"] = "1",
            ["Koostoo:Proxies:0"] = "127.0.0.1",
        });
        var port = FreePort.Next();
        app.UseKestrel(port);
        app.StartServer();
        using var proxy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        async Task<HttpStatusCode> AsAsync(string client)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            request.Headers.Add("X-Forwarded-For", client);
            return (await proxy.SendAsync(request)).StatusCode;
        }
        (await AsAsync("203.0.113.1")).Should().Be(HttpStatusCode.OK);
        (await AsAsync("203.0.113.2")).Should().Be(HttpStatusCode.OK, "another person behind the same proxy");
        (await AsAsync("203.0.113.1")).Should().Be(HttpStatusCode.TooManyRequests);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
