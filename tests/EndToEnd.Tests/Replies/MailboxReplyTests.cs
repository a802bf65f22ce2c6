using System.Net;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Email;

namespace Koostoo.EndToEnd.Tests.Replies;

/// <summary>
/// On one machine (Pickup mail, no IMAP server): /mailbox offers "reply" on a request mail, the reply goes to the local
/// reply folder, and the inbox reads it like a mailbox: the member's answer is recorded, as if they had pressed reply.
/// </summary>
public sealed partial class MailboxReplyTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private HttpClient _browser = null!;
    private AskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        var port = FreePort.Next();
        _app = new KoostooApp(_folder, new Dictionary<string, string?>
        {
            ["Koostoo:Replies:Address"] = "vastus@localhost",
            ["Koostoo:Replies:Folder"] = _folder["replies"],
        });
        // On Kestrel at 127.0.0.1: /mailbox answers this machine only.
        _app.UseKestrel(port);
        _app.StartServer();
        _browser = KoostooApp.AsStaff(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        _scenario = new AskScenario(_app, _browser.BaseAddress);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [Fact]
    public async Task A_reply_written_on_the_mailbox_page_is_the_members_answer()
    {
        await _scenario.PublishAsync(AskScenario.Definition());
        var network = await _scenario.LaunchAsync(2);
        var rows = await _app.WaitForOutboxAsync(null, r => r.Count == 2 && r.All(m => m.Status == Activities.Email.OutboxStatus.Sent), TimeSpan.FromSeconds(30));
        var invitation = rows.Single(r => r.ToAddress == AskScenario.Email(1));
        invitation.ReplyTo.Should().StartWith("vastus+").And.EndWith("@localhost");

        var page = await _browser.GetStringAsync($"/mailbox/{PickupMailbox.FileIdOf(invitation.MessageId)}");
        page.Should().Contain("Saada vastus");
        var posted = await _browser.PostAsync($"/mailbox/{PickupMailbox.FileIdOf(invitation.MessageId)}?handler=Reply", new FormUrlEncodedContent(
            [KeyValuePair.Create("text", "Jah, osalen"), KeyValuePair.Create("__RequestVerificationToken", AntiForgery().Match(page).Groups[1].Value)]));
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Directory.GetFiles(_folder["replies"], "*.eml").Should().ContainSingle();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        System.Text.Json.Nodes.JsonNode step;
        do
        {
            step = (await _scenario.NetworkAsync(network))["openSteps"]!.AsArray().Single()!;
            if (step["answered"]!.GetValue<int>() == 1) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        step["respondents"]!.AsArray().Single(r => r!["answered"]!.GetValue<bool>())!["name"]!.GetValue<string>().Should().Be("Liige 1");
        (await _scenario.NetworkAsync(network))["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>())
            .Should().Contain("Liige 1: vastas e-kirjaga: „Kas osaled võrgustikus?“.");
    }

    [Fact]
    public async Task Mail_sent_by_SMTP_carries_no_reply_address_while_only_a_local_folder_would_read_it()
    {
        using var folder = new TempFolder();
        await using var app = new KoostooApp(folder, new Dictionary<string, string?>
        {
            ["Koostoo:Mail:Transport"] = "Smtp",
            ["Koostoo:Mail:Smtp:Host"] = "127.0.0.1",
            ["Koostoo:Mail:Smtp:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Koostoo:Replies:Address"] = "vastus@vald.example",
            ["Koostoo:Replies:Folder"] = folder["replies"],
        });
        var scenario = new AskScenario(app);
        await scenario.PublishAsync(AskScenario.Definition());
        await scenario.LaunchAsync(1);

        var rows = await app.OutboxAsync();
        rows.Should().ContainSingle().Which.ReplyTo.Should().BeNull();
        rows[0].TextBody.Should().NotContain("Võid vastata ka sellele kirjale");
    }
}
