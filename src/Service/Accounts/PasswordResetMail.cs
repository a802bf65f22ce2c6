using Koostoo.Language;
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
        var words = Words.In(language);
        var subject = words["Accounts.ResetSubject"];
        var text = words["Accounts.ResetText", user.Email!, (int)lifetime.TotalMinutes, link].Value;
        var html = "<p>" + WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace(WebUtility.HtmlEncode(link), $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>", StringComparison.Ordinal) + "</p>";
        var row = Outbox.Row(delivery, new Recipient(user.Email!, user.Name, words.Language, RecipientKind.Coordinator),
            new RenderedEmail(subject, text, html), coordinator: null, attachments: null, time.GetUtcNow());
        db.Outbox.Add(row);
        await db.SaveChangesAsync(ct);
        delivery.Deliver([row.Id]);
    }
}
