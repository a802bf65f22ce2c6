using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>
/// The records tests' world: the real host on Kestrel at 127.0.0.1 mailing through a real SMTP server, the members'
/// side of that mail, and headless Chromium for the coordinator's pages. Each test starts its own and disposes it.
/// </summary>
public sealed class MailedHost : IAsyncDisposable
{
    private readonly SmtpServer _smtp;
    private readonly IPlaywright _playwright;

    private MailedHost(TempFolder folder, SmtpServer smtp, int port, KoostooApp app, IPlaywright playwright, IBrowser browser)
    {
        Folder = folder;
        _smtp = smtp;
        Url = $"http://127.0.0.1:{port}";
        App = app;
        Scenario = new AskScenario(app, new Uri(Url));
        Mail = new MemberMail(smtp, Scenario);
        _playwright = playwright;
        Browser = browser;
    }

    public TempFolder Folder { get; }
    public string Url { get; }
    public KoostooApp App { get; }
    public AskScenario Scenario { get; }
    public MemberMail Mail { get; }
    public IBrowser Browser { get; }

    public static async Task<MailedHost> StartAsync()
    {
        var folder = new TempFolder();
        var smtp = await SmtpServer.StartedAsync();
        var port = FreePort.Next();
        var settings = Network.Smtp(smtp.Port);
        settings["Koostoo:PublicUrl"] = $"http://127.0.0.1:{port}";
        var app = new KoostooApp(folder, settings);
        app.UseKestrel(port);
        app.StartServer();
        var playwright = await Playwright.CreateAsync();
        return new MailedHost(folder, smtp, port, app, playwright, await Chromium.LaunchAsync(playwright));
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        _smtp.Dispose();
        Folder.Dispose();
    }
}
