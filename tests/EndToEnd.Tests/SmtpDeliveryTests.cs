using Koostoo.Activities.Email;
using MimeKit;

namespace Koostoo.EndToEnd.Tests;

public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        _app = new KoostooApp(_folder, Network.Smtp(_smtp.Port));
    }

    /// <summary>The sample's link: the network's page.</summary>
    private const string NetworkLink = "http://localhost:5000/networks/";

    [Fact]
    public async Task A_workflow_mails_each_member_in_their_language_and_the_coordinator_through_smtp()
    {
        var client = _app.CreateClient();
        var started = DateTimeOffset.UtcNow;

        var instance = await _app.LaunchAsync(client, "sample-email",
            ("Mari Maasikas", "mari@kool.example", "et"), ("John Smith", "john@kool.example", "en"));

        var messages = await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));
        var rows = await _app.WaitForOutboxAsync(instance, r => r.Count == 3 && r.All(m => m.Status == OutboxStatus.Sent), TimeSpan.FromSeconds(10));
        rows.Should().OnlyContain(r => r.Attempts == 1 && r.LastError == null && r.SentAt != null);
        messages.Select(m => m.MessageId).Should().BeEquivalentTo(rows.Select(r => r.MessageId));

        var mari = messages.Single(m => m.To.Mailboxes.Single().Address == "mari@kool.example");
        mari.Subject.Should().Be("Kooli võrgustik: palun vasta – kas osaled võrgustikus?");
        mari.TextBody.Should().Contain("Tere, Mari Maasikas!").And.Contain(NetworkLink).And.Contain("reedeni");
        mari.HtmlBody.Should().Contain("<html lang=\"et\">").And.Contain($"href=\"{NetworkLink}").And.Contain("Vasta");
        mari.Headers[HeaderId.ListUnsubscribe].Should().StartWith("<mailto:kati@vald.example?subject=");
        mari.Body!.Headers[HeaderId.ContentLanguage].Should().Be("et");

        var john = messages.Single(m => m.To.Mailboxes.Single().Address == "john@kool.example");
        john.Subject.Should().Be("Kooli võrgustik: please answer – will you take part in the network?");
        john.TextBody.Should().Contain("Hello, John Smith!").And.Contain(NetworkLink).And.Contain("Friday");
        john.HtmlBody.Should().Contain("<html lang=\"en\">").And.Contain("Answer");
        john.Body!.Headers[HeaderId.ContentLanguage].Should().Be("en");

        var kati = messages.Single(m => m.To.Mailboxes.Single().Address == "kati@vald.example");
        kati.Subject.Should().Be("Kooli võrgustik: kutsed on saadetud");
        kati.TextBody.Should().Contain("Kutse läks võrgustiku liikmetele");
        kati.HtmlBody.Should().Contain($"<a href=\"{NetworkLink}");
        kati.Headers.Contains(HeaderId.ListUnsubscribe).Should().BeFalse("the coordinator is not leaving their own network");

        foreach (var message in messages)
        {
            message.Body.Should().BeOfType<MultipartAlternative>()
                .Which.Select(p => p.ContentType.MimeType).Should().Equal("text/plain", "text/html");
            message.From.Mailboxes.Single().Should().Match<MailboxAddress>(f => f.Address == "koostoo@vald.example" && f.Name == "Koostöö");
            message.Headers["Auto-Submitted"].Should().Be("auto-generated");
            message.MessageId.Should().EndWith("@vald.example");
            message.Date.Should().BeCloseTo(started, TimeSpan.FromMinutes(1));
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }
}
