using MimeKit;

namespace Koostoo.Service.Email;

/// <summary>Hands one message to the outside world (<see cref="SmtpTransport"/>, <see cref="PickupTransport"/>); throws when it was not accepted.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
