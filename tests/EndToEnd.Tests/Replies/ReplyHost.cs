using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Replies;

/// <summary>
/// The host on Kestrel at 127.0.0.1 (the coordinator's pages answer this machine only) with mail going out through a
/// real SMTP server and replies read from a real IMAP server (Dovecot); the inbox is read when a test says so.
/// </summary>
public sealed class ReplyHost : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public SmtpServer Smtp { get; private set; } = null!;
    public DovecotServer Imap { get; private set; } = null!;
    public KoostooApp App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public AskScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartedAsync();
        Imap = await DovecotServer.StartAsync();
        var settings = Network.Smtp(Smtp.Port);
        foreach (var (key, value) in Imap.Settings) settings[key] = value;
        settings["Koostoo:Replies:ReadCron"] = "0 0 1 1 *";
        var port = FreePort.Next();
        App = new KoostooApp(_folder, settings);
        App.UseKestrel(port);
        App.StartServer();
        Http = KoostooApp.AsStaff(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        Scenario = new AskScenario(App, Http.BaseAddress, () => Smtp.Messages());
    }

    /// <summary>What the recurring job runs, run now; then the mail it queued is delivered.</summary>
    public async Task ReadInboxAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReplyInbox>().ReadAsync(CancellationToken.None);
        await App.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Imap.DisposeAsync();
        Smtp.Dispose();
        _folder.Dispose();
    }
}
