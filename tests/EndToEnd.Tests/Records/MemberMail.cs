using System.Net;
using Koostoo.EndToEnd.Tests.Requests;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>
/// The members' side of a test through real mail: the messages each step sent, taken once each, and answers given
/// by the link in a member's message, as their browser does.
/// </summary>
public sealed class MemberMail(SmtpServer smtp, AskScenario scenario)
{
    private readonly HashSet<string> _seen = [];

    /// <summary>How many messages have been taken so far.</summary>
    public int Taken => _seen.Count;

    public static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    public static List<string> To(IEnumerable<MimeMessage> messages) => messages.Select(To).ToList();

    /// <summary>The messages sent since the last call: exactly <paramref name="count"/>, since each step sends its mail once.</summary>
    public async Task<List<MimeMessage>> NewAsync(int count)
    {
        var all = await smtp.WaitForMessagesAsync(_seen.Count + count, TimeSpan.FromSeconds(30));
        var fresh = all.Where(m => !_seen.Contains(m.MessageId!)).ToList();
        fresh.Should().HaveCount(count, "each step sends its emails once: {0}", string.Join(" | ", fresh.Select(m => $"{To(m)}: {m.Subject}")));
        _seen.UnionWith(fresh.Select(m => m.MessageId!));
        return fresh;
    }

    /// <summary>Answers by the link in the one of <paramref name="mail"/> sent to <paramref name="address"/>.</summary>
    /// <returns>The form as the member saw it, and where the saved answer is shown.</returns>
    public async Task<(string Form, Uri Saved)> AnswerAsync(IEnumerable<MimeMessage> mail, string address, params (string Name, string Value)[] fields)
    {
        var link = mail.Where(m => To(m) == address).Select(m => AskScenario.LinkIn(m.TextBody ?? "")).Single(l => l != "");
        using var browser = scenario.Browser();
        var (opened, html, form) = await AskScenario.OpenAsync(browser, link);
        opened.StatusCode.Should().Be(HttpStatusCode.OK, html);
        var posted = await AskScenario.PostAsync(browser, link, form, fields);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        return (html, posted.Headers.Location!);
    }
}
