using Hangfire;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Replies;

/// <summary>
/// Reads the reply mailbox over IMAP, oldest first, every message the database has no receipt of in the folder's
/// current UIDVALIDITY, and hands each to <see cref="ReplyHandler"/>. Nothing is deleted or flagged on the server: the
/// receipts are the truth, so a host killed mid-way starts again where the last receipt ends. A recurring Hangfire
/// job, so with several hosts it runs on one at a time.
/// </summary>
public sealed class ReplyInbox(IOptions<ReplyInboxOptions> options, IOptions<ReplyAddressing> addressing, KoostooDbContext db, IServiceScopeFactory scopes, ILogger<ReplyInbox> logger)
{
    public const string JobId = "reply-inbox";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task ReadAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!addressing.Value.IsOn) return;
        var handled = settings.IsImap ? await ReadImapAsync(settings, ct) : await ReadFolderAsync(settings.Folder!, ct);
        if (handled > 0) logger.LogInformation("Reply inbox: {Count} new message(s) read", handled);
    }

    /// <summary>The local folder's UIDVALIDITY: IMAP's is never 0, so the two never share receipts.</summary>
    public const long FolderUidValidity = 0;

    private async Task<int> ReadFolderAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return 0;
        var last = await LastReadAsync(FolderUidValidity, ct);
        var handled = 0;
        foreach (var (uid, file) in LocalReplies.In(folder).Where(f => f.Uid > last))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file, ct);
            if (await HandleAsync(FolderUidValidity, uid, message, ct)) handled++;
        }
        return handled;
    }

    /// <summary>The UID of the last message with a receipt in this UIDVALIDITY: reading goes on after it.</summary>
    private async Task<long> LastReadAsync(long validity, CancellationToken ct) =>
        await db.Set<ReplyReceipt>().Where(r => r.UidValidity == validity).MaxAsync(r => (long?)r.Uid, ct) ?? 0;

    private async Task<bool> HandleAsync(long validity, long uid, MimeKit.MimeMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReplyHandler>().HandleAsync(validity, uid, message, ct) is not null;
    }

    private async Task<int> ReadImapAsync(ReplyInboxOptions settings, CancellationToken ct)
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Imap.Host!, settings.Imap.Port, SecurityOf(settings.Imap), ct);
        if (!string.IsNullOrEmpty(settings.Imap.User)) await client.AuthenticateAsync(settings.Imap.User, settings.Imap.Password ?? "", ct);
        var folder = await client.GetFolderAsync(settings.Imap.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);

        var validity = (long)folder.UidValidity;
        var last = await LastReadAsync(validity, ct);
        var uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)last + 1), UniqueId.MaxValue)), ct);
        var handled = 0;
        foreach (var uid in uids.Where(u => u.Id > last).OrderBy(u => u.Id))
            if (await HandleAsync(validity, uid.Id, await folder.GetMessageAsync(uid, ct), ct)) handled++;
        await client.DisconnectAsync(quit: true, ct);
        return handled;
    }

    public static SecureSocketOptions SecurityOf(ImapOptions imap) => imap.Security?.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };

    /// <summary>The recurring read, when a reply mailbox is configured, and one read right away.</summary>
    public static void Start(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<ReplyInboxOptions>>().Value;
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        if (!services.GetRequiredService<IOptions<ReplyAddressing>>().Value.IsOn)
        {
            jobs.RemoveIfExists(JobId);
            return;
        }
        jobs.AddOrUpdate<ReplyInbox>(JobId, r => r.ReadAsync(CancellationToken.None), settings.ReadCron);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReplyInbox>(r => r.ReadAsync(CancellationToken.None));
    }
}
