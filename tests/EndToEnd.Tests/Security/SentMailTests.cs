using System.Net;
using System.Text.RegularExpressions;
using Koostoo.Activities.Email;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>A member's link is a secret of their mailbox: once a mail is sent, the service's stored copy keeps no working link.</summary>
public sealed partial class SentMailTests
{
    [GeneratedRegex("/r/[A-Za-z0-9_-]{43}")]
    private static partial Regex WorkingLink();

    [Fact]
    public async Task A_sent_mails_stored_copy_keeps_no_token_while_the_delivered_mail_still_works()
    {
        using var folder = new TempFolder();
        await using var app = new KoostooApp(folder);
        var scenario = new AskScenario(app);
        await scenario.PublishAsync(AskScenario.Definition());
        await scenario.LaunchAsync(2);

        var links = await scenario.LinksAsync();

        var rows = await app.OutboxAsync();
        rows.Should().HaveCount(2).And.OnlyContain(r => r.Status == OutboxStatus.Sent);
        rows.Should().OnlyContain(r => !WorkingLink().IsMatch(r.TextBody) && !WorkingLink().IsMatch(r.HtmlBody));
        rows.Should().OnlyContain(r => r.TextBody.Contains("/r/…") && r.HtmlBody.Contains("/r/…"), "the rest of the mail is kept as it was sent");
        links.Should().HaveCount(2);
        using var member = scenario.Browser();
        var (opened, _, form) = await AskScenario.OpenAsync(member, links[AskScenario.Email(1)]);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        form.Should().NotBeNull("the link in the member's mailbox works");
    }
}
