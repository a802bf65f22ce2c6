using Microsoft.Extensions.Options;
using MimeKit;

namespace Koostoo.Service.Email;

/// <summary>
/// "Sends" by writing <c>&lt;pickup folder&gt;/&lt;Message-ID's left part&gt;.eml</c>. Named by the Message-ID, so a
/// repeated attempt rewrites the same file rather than adding a second copy; written beside and moved into
/// place, so /mailbox never reads half a message.
/// </summary>
public sealed class PickupTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(options.Value.PickupFolder).FullName;
        var name = PickupMailbox.FileIdOf(message.MessageId ?? Guid.NewGuid().ToString("N"));
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, Path.Combine(folder, name + PickupMailbox.Extension), overwrite: true);
    }
}
