using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Koostoo.Service.Email;

/// <summary>
/// MailKit over SMTP, a connection per message: simple, and ~350 messages/s to a local server on 2 cores
/// (docs/measurements.md), far above what networks of 8-10 people produce.
/// </summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, MailOptionsValidation.SecurityOf(smtp)!.Value, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
