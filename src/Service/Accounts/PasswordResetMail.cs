using System.Net;
using Koostoo.Activities.Email;
using Koostoo.Service.Persistence;

namespace Koostoo.Service.Accounts;

/// <summary>
/// The password-reset mail, through the outbox like every mail (retries, the mailbox): a link that works once and for
/// <see cref="AccountOptions.ResetLinkLifetime"/>. Staff accounts are the only addresses besides a network's people that
/// the service mails.
/// </summary>
public sealed class PasswordResetMail(KoostooDbContext db, IMailDelivery delivery, TimeProvider time)
{
    public async Task QueueAsync(StaffUser user, string link, string language, TimeSpan lifetime, CancellationToken ct = default)
    {
        var english = language == "en";
        var minutes = (int)lifetime.TotalMinutes;
        var subject = english ? "Koostöö: set a new password" : "Koostöö: uue parooli seadmine";
        var text = english
            ? $"Someone (hopefully you) asked to set a new password for {user.Email}.\n\nSet it here within {minutes} minutes; the link works once:\n{link}\n\nIf it was not you, ignore this mail: your password stays as it is."
            : $"Keegi (loodetavasti sina) soovis seada kontole {user.Email} uue parooli.\n\nSea see siin {minutes} minuti jooksul; link töötab ühe korra:\n{link}\n\nKui see polnud sina, jäta kiri tähelepanuta: sinu parool jääb samaks.";
        var html = "<p>" + WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace(WebUtility.HtmlEncode(link), $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>", StringComparison.Ordinal) + "</p>";
        var row = Outbox.Row(delivery, new Recipient(user.Email!, user.Name, english ? "en" : "et", RecipientKind.Coordinator),
            new RenderedEmail(subject, text, html), coordinator: null, attachments: null, time.GetUtcNow());
        db.Outbox.Add(row);
        await db.SaveChangesAsync(ct);
        delivery.Deliver([row.Id]);
    }
}
