using Koostoo.Activities.Email;
using MimeKit;

namespace Koostoo.Activities.Tests;

public class MessageBuilderTests
{
    private static readonly MailboxAddress From = new("Koostöö", "koostoo@vald.ee");

    private static OutboxMessage Row(string? attachments = null, string? unsubscribe = null) => new()
    {
        MessageId = "abc123@vald.ee",
        ToAddress = "mari@kool.ee",
        ToName = "Mari Maasikas",
        Language = "et",
        Subject = "Võrgustik: palun vasta",
        TextBody = "Tere!\n",
        HtmlBody = "<p>Tere!</p>",
        ListUnsubscribe = unsubscribe,
        Attachments = attachments,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Headers_a_mailbox_expects_are_set_from_the_row()
    {
        var message = MessageBuilder.Build(Row(unsubscribe: "<mailto:kati@vald.ee?subject=x>"), From);

        message.MessageId.Should().Be("abc123@vald.ee");
        message.Date.Should().Be(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        message.From.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("koostoo@vald.ee");
        message.To.Mailboxes.Should().ContainSingle().Which.Name.Should().Be("Mari Maasikas");
        message.Subject.Should().Be("Võrgustik: palun vasta");
        message.Headers["Auto-Submitted"].Should().Be("auto-generated");
        message.Headers[HeaderId.ListUnsubscribe].Should().Be("<mailto:kati@vald.ee?subject=x>");
        message.Body!.Headers[HeaderId.ContentLanguage].Should().Be("et");
    }

    [Fact]
    public void The_body_is_text_and_html_as_alternatives()
    {
        var message = MessageBuilder.Build(Row(), From);

        message.Body.Should().BeOfType<MultipartAlternative>();
        message.TextBody.Should().Be("Tere!\n");
        message.HtmlBody.Should().Be("<p>Tere!</p>");
        message.Headers.Contains(HeaderId.ListUnsubscribe).Should().BeFalse();
    }

    [Fact]
    public void An_ics_attachment_goes_beside_the_alternatives()
    {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        var attachments = System.Text.Json.JsonSerializer.Serialize(
            new[] { new EmailAttachment("kohtumine.ics", "text/calendar; method=REQUEST", ics) },
            Koostoo.Workflows.Definitions.WorkflowJson.Options);

        var message = MessageBuilder.Build(Row(attachments), From);

        message.Body.Should().BeOfType<Multipart>().Which.ContentType.MimeType.Should().Be("multipart/mixed");
        var part = message.Attachments.OfType<MimePart>().Should().ContainSingle().Subject;
        part.FileName.Should().Be("kohtumine.ics");
        part.ContentType.MimeType.Should().Be("text/calendar");
        part.ContentType.Parameters["method"].Should().Be("REQUEST");
        part.ContentType.Charset.Should().Be("utf-8");
        message.TextBody.Should().Be("Tere!\n");
    }
}
