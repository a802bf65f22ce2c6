using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using Koostoo.Service.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Replies;

/// <summary>
/// Eight members asked "Kas osaled?" through a real SMTP server, the replies read from a real IMAP server (Dovecot):
/// six answer by replying, as phones and desktop clients write replies, one on the page, one not at all; they are
/// counted exactly as web answers. A forward from another address, an out-of-office and a bounce are not answers;
/// only the forward gets the member a short mail with the link, and reading the inbox again changes nothing.
/// </summary>
public sealed class ReplyByEmailTests : IAsyncLifetime
{
    private readonly ReplyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static MimeMessage Reply(MimeMessage request, string from, string text, string? html = null)
    {
        var reply = new MimeMessage { Subject = "Re: " + request.Subject, InReplyTo = request.MessageId };
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.Add(request.ReplyTo.Mailboxes.Single());
        var body = new BodyBuilder { TextBody = html is null ? text : null, HtmlBody = html };
        reply.Body = body.ToMessageBody();
        return reply;
    }

    private async Task<List<ReplyReceipt>> ReceiptsAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Set<ReplyReceipt>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Replies_count_as_answers_and_what_no_member_wrote_does_not()
    {
        using (var jobs = _host.App.Services.GetRequiredService<JobStorage>().GetConnection())
            jobs.GetRecurringJobs().Select(j => j.Id).Should().Contain(ReplyInbox.JobId, "a configured inbox is read by a recurring job");
        await _host.Scenario.PublishAsync(AskScenario.Definition());
        var network = await _host.Scenario.LaunchAsync(8);
        var requests = (await _host.Smtp.WaitForMessagesAsync(8, TimeSpan.FromSeconds(30)))
            .ToDictionary(m => m.To.Mailboxes.Single().Address);
        requests.Values.Should().OnlyContain(m => m.ReplyTo.Mailboxes.Single().Address.StartsWith("vastus+", StringComparison.Ordinal));
        requests.Values.Select(m => m.ReplyTo.Mailboxes.Single().Address).Should().OnlyHaveUniqueItems("every mail has a reply address of its own");
        requests[AskScenario.Email(1)].TextBody.Should().Contain("Võid vastata ka sellele kirjale: JAH või EI.");
        requests[AskScenario.Email(3)].TextBody.Should().Contain("You can also reply to this email with YES or NO.");
        requests[AskScenario.Email(1)].HtmlBody.Should().NotContain("Palun ära vasta sellele", "this mail may be answered by reply");

        var request = (int i) => requests[AskScenario.Email(i)];
        await _host.Imap.DeliverAsync(Reply(request(1), AskScenario.Email(1), "JAH\n\nE, 7. dets 2026 kell 09:00 Koostöö <vastus@vald.example> kirjutas:\n> Kas osaled võrgustikus?"));
        await _host.Imap.DeliverAsync(Reply(request(2), AskScenario.Email(2), "jah, osalen!\n-- \nLiige 2\nKooli sotsiaalpedagoog"));
        await _host.Imap.DeliverAsync(Reply(request(3), AskScenario.Email(3), "Yes.\n\nOn Mon, 7 Dec 2026 at 09:00, Koostöö <vastus@vald.example> wrote:\n> Will you take part?"));
        await _host.Imap.DeliverAsync(Reply(request(4), AskScenario.Email(4), "", html: "<html><body><div dir=\"ltr\">Да</div><div class=\"gmail_quote\"><blockquote>Kas osaled võrgustikus? JAH</blockquote></div></body></html>"));
        await _host.Imap.DeliverAsync(Reply(request(5), AskScenario.Email(5), "EI\r\n\r\nFrom: Koostöö <vastus@vald.example>\r\nSent: Monday, December 7, 2026 9:00 AM\r\nTo: Liige 5\r\nSubject: Kas osaled?\r\n\r\nVasta JAH või EI"));
        await _host.Imap.DeliverAsync(Reply(request(6), AskScenario.Email(6), "join: нет\nnote: в этом году не смогу"));
        (await _host.Scenario.AnswerAsync((await _host.Scenario.LinksAsync())[AskScenario.Email(7)], join: true)).StatusCode.Should().Be(System.Net.HttpStatusCode.Found, "the page saves and shows the answer again");
        // Not answers: member 8's mail forwarded and answered by someone else; an out-of-office; a bounce.
        await _host.Imap.DeliverAsync(Reply(request(8), "juhataja@kool.example", "JAH, ta osaleb"));
        var away = Reply(request(1), AskScenario.Email(1), "Olen puhkusel kuni 14.12.");
        away.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        away.Subject = "Automaatne vastus: " + request(1).Subject;
        await _host.Imap.DeliverAsync(away);
        var bounce = new MimeMessage { Subject = "Undeliverable: " + request(2).Subject };
        bounce.From.Add(MailboxAddress.Parse("MAILER-DAEMON@kool.example"));
        bounce.To.Add(request(2).ReplyTo.Mailboxes.Single());
        bounce.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed." } };
        await _host.Imap.DeliverAsync(bounce);

        await _host.ReadInboxAsync();

        var step = (await _host.Scenario.NetworkAsync(network))["openSteps"]!.AsArray().Single()!;
        step["answered"]!.GetValue<int>().Should().Be(7);
        step["respondents"]!.AsArray().Where(r => !r!["answered"]!.GetValue<bool>()).Select(r => r!["name"]!.GetValue<string>())
            .Should().Equal("Liige 8");
        var answers = await AnswersAsync();
        answers.Should().BeEquivalentTo(new Dictionary<string, bool>
        {
            [AskScenario.Email(1)] = true, [AskScenario.Email(2)] = true, [AskScenario.Email(3)] = true, [AskScenario.Email(4)] = true,
            [AskScenario.Email(5)] = false, [AskScenario.Email(6)] = false, [AskScenario.Email(7)] = true,
        });

        var history = (await _host.Scenario.NetworkAsync(network))["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>()).ToList();
        history.Should().Contain("Liige 1: vastas e-kirjaga: „Kas osaled võrgustikus?“.").And.HaveCount(1 + 6, "launched, and six answers by email");

        var receipts = await ReceiptsAsync();
        receipts.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<ReplyOutcome, int>
        {
            [ReplyOutcome.Answered] = 6, [ReplyOutcome.OtherSender] = 1, [ReplyOutcome.Automatic] = 2,
        });
        var help = _host.Smtp.Messages().Where(m => !requests.Values.Any(r => r.MessageId == m.MessageId)).ToList();
        help.Should().ContainSingle("only the forward is answered, and only to the member's own address");
        help[0].To.Mailboxes.Single().Address.Should().Be(AskScenario.Email(8));
        help[0].Subject.Should().Be("Kooli võrgustik: vasta palun lehel");
        help[0].TextBody.Should().Contain("/r/").And.Contain("aadressilt, mis ei ole sinu oma");
        help[0].Attachments.Should().BeEmpty();

        // Read again, and a second unreadable reply the same day: no answer twice, no second help mail.
        await _host.Imap.DeliverAsync(Reply(request(8), "juhataja@kool.example", "JAH"));
        await _host.ReadInboxAsync();
        (await AnswersAsync()).Should().HaveCount(7);
        _host.Smtp.Messages().Should().HaveCount(requests.Count + 1);
        (await ReceiptsAsync()).Should().HaveCount(10);
    }

    private async Task<Dictionary<string, bool>> AnswersAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Set<StepRequest>().AsNoTracking()
            .Where(r => r.Answer != null).ToListAsync();
        return rows.ToDictionary(r => r.RespondentEmail, r => JsonNode.Parse(r.Answer!)!["join"]!.GetValue<bool>());
    }
}
