using Koostoo.EndToEnd.Tests.Coordinator;
using Koostoo.Service.Access;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests.Accounts;

/// <summary>
/// In headless Chromium with its virtual authenticator (a platform authenticator that keeps discoverable keys and
/// verifies the person, driven over the DevTools protocol): a coordinator adds a passkey, signs out, signs in with the
/// passkey alone and reaches her networks; once she removes it, the same authenticator no longer signs her in. An admin
/// with an authenticator app signs in with a passkey and is not asked for the app's code.
/// </summary>
public sealed class PasskeyBrowserTests : IAsyncLifetime
{
    // A passkey belongs to a domain, and an IP address is none: the browser opens the host as localhost.
    private readonly CoordinatorHost _host = new("localhost");
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private const string Password = "A long coordinator password, 2026";

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>A new page in its own browser context, with a virtual authenticator that says yes at once.</summary>
    private async Task<(IPage Page, ICDPSession Authenticator, string Id)> PageWithAuthenticatorAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Screens.Desktop });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return (page, cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    private static async Task<int> CredentialsAsync(ICDPSession cdp, string authenticatorId)
    {
        var result = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        return result!.Value.GetProperty("credentials").GetArrayLength();
    }

    private async Task PasswordSignInAsync(IPage page, string email, string returnTo)
    {
        await page.GotoAsync($"{_host.Address}{returnTo.TrimStart('/')}");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=*");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await Button(page, "Logi sisse").ClickAsync();
    }

    private static async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.FillAsync("#passkey-name", name);
        await Button(page, "Lisa pääsuvõti").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=added") || url.Contains("handler=add"));
        (await page.Locator("section[role=alert]").AllInnerTextsAsync()).Should().BeEmpty();
        page.Url.Should().EndWith("/account/passkeys?done=added");
        (await page.InnerTextAsync("table.passkeys")).Should().Contain(name);
    }

    private async Task SignOutAsync(IPage page)
    {
        await Button(page, "Logi välja").ClickAsync();
        await page.WaitForURLAsync("**/account/logout");
    }

    [Fact]
    public async Task A_coordinator_adds_a_passkey_signs_in_with_it_alone_and_a_removed_one_no_longer_signs_in()
    {
        const string email = "kadri@vald.example";
        await _host.App.CreateStaffAsync(email, Password, StaffRoles.Coordinator);
        var (page, cdp, authenticator) = await PageWithAuthenticatorAsync();

        await PasswordSignInAsync(page, email, "/account/passkeys");
        await page.WaitForURLAsync("**/account/passkeys");
        (await page.InnerTextAsync("main")).Should().Contain("Pääsuvõtmeid pole");
        await Button(page, "Lisa pääsuvõti").ClickAsync();
        (await page.EvalOnSelectorAsync<bool>("#passkey-name", "e => e.validity.valueMissing")).Should().BeTrue("a passkey needs a name");
        await AddPasskeyAsync(page, "Sülearvuti");
        (await CredentialsAsync(cdp, authenticator)).Should().Be(1, "the browser's authenticator keeps the new passkey");

        await SignOutAsync(page);
        await page.GotoAsync($"{_host.Address}networks");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=*");
        (await page.InputValueAsync("#password")).Should().BeEmpty();
        await Button(page, "Logi sisse pääsuvõtmega").ClickAsync();
        await page.WaitForURLAsync("**/networks");
        (await page.InnerTextAsync("h1")).Should().Contain("Minu võrgustikud");

        await page.GotoAsync($"{_host.Address}account/passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eemalda Sülearvuti" }).ClickAsync();
        await page.WaitForURLAsync("**/account/passkeys?done=removed");
        (await page.InnerTextAsync("main")).Should().Contain("Pääsuvõtmeid pole");

        await SignOutAsync(page);
        await page.GotoAsync($"{_host.Address}networks");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=*");
        (await CredentialsAsync(cdp, authenticator)).Should().Be(1, "the authenticator still offers the key the service forgot");
        await Button(page, "Logi sisse pääsuvõtmega").ClickAsync();
        await page.WaitForSelectorAsync("[role=alert] .error");
        (await page.InnerTextAsync("[role=alert] .error")).Should().Contain("Selle pääsuvõtmega ei saa sisse logida");
        page.Url.Should().Contain("/account/login");
        await page.GotoAsync($"{_host.Address}networks");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=*");
    }

    [Fact]
    public async Task An_admin_with_an_authenticator_app_signs_in_with_a_passkey_without_the_apps_code()
    {
        const string email = "anne@vald.example";
        await _host.App.CreateStaffAsync(email, Password, StaffRoles.Admin, StaffRoles.Coordinator);
        var (page, _, _) = await PageWithAuthenticatorAsync();

        await PasswordSignInAsync(page, email, "/account/passkeys");
        await page.WaitForURLAsync("**/account/two-factor");
        page.Url.Should().EndWith("/account/two-factor", "an admin sets up the authenticator app before anything else, passkeys too");
        var key = (await page.InnerTextAsync("code.authenticator-key")).Trim();
        await page.FillAsync("#code", Totp.Code(key));
        await Button(page, "Lülita sisse").ClickAsync();
        await page.WaitForSelectorAsync("text=Sisselogimine küsib autentimisrakenduse koodi");

        await page.GotoAsync($"{_host.Address}account/passkeys");
        await AddPasskeyAsync(page, "Telefon");
        await SignOutAsync(page);

        await page.GotoAsync($"{_host.Address}admin/audit");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=*");
        await Button(page, "Logi sisse pääsuvõtmega").ClickAsync();
        await page.WaitForURLAsync("**/admin/audit");
        (await page.InnerTextAsync("main")).Should().Contain("lisas pääsuvõtme");
    }
}
