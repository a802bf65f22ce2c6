using Koostoo.Language;
using Hangfire;
using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Service.Access;
using Koostoo.Service.Board;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Digest;

/// <summary>
/// A short mail of what the board shows, daily or weekly as each coordinator chose (docs/coordinator.md, "The digest"):
/// nothing is sent when nothing waits. An hourly job sends each digest that fell due since it last looked, once.
/// </summary>
public sealed class CoordinatorDigest(KoostooDbContext db, IServiceScopeFactory scopes, IMailDelivery delivery, IOptions<PublicLinks> links,
    TimeProvider time, ILogger<CoordinatorDigest> logger)
{
    public const string JobId = "coordinator-digest";
    /// <summary>When in the morning it comes: before a working day starts, so that chasing is the first thing and not the last.</summary>
    private static readonly TimeSpan At = TimeSpan.FromHours(7);

    public async Task<DigestSubscription?> GetAsync(Actor actor, CancellationToken ct = default) =>
        EmailOf(actor) is { } email ? await db.Set<DigestSubscription>().AsNoTracking().FirstOrDefaultAsync(d => d.Email == email, ct) : null;

    /// <summary>Chooses how often the actor gets the digest, in the language they read it.</summary>
    public async Task SetAsync(Actor actor, DigestFrequency frequency, string language, CancellationToken ct = default)
    {
        var email = EmailOf(actor) ?? throw new ForbiddenException(Words.Current["Problems.OnlyAStaffUserWithAn"]);
        var row = await db.Set<DigestSubscription>().FirstOrDefaultAsync(d => d.Email == email, ct);
        if (row is null)
        {
            // Looked at now: the first digest comes at the next morning, not at once for a morning already past.
            db.Add(row = new DigestSubscription { Email = email, CheckedAt = time.GetUtcNow() });
        }
        row.Frequency = frequency;
        row.Language = Languages.Or(language);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The hourly job: every subscription whose morning came since it was last looked at, claimed and sent once.</summary>
    /// <returns>How many digests were queued.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var subscriptions = await db.Set<DigestSubscription>().AsNoTracking().Where(d => d.Frequency != DigestFrequency.Never).ToListAsync(ct);
        var sent = 0;
        foreach (var subscription in subscriptions)
        {
            var due = LastMorning(subscription.Frequency, now);
            if (subscription.CheckedAt is { } checkedAt && checkedAt >= due) continue;
            // Claimed by moving Checks on from what this host read: another host (or a second run) that read the same finds it moved.
            var claimed = await db.Set<DigestSubscription>()
                .Where(d => d.Email == subscription.Email && d.Checks == subscription.Checks)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.CheckedAt, now).SetProperty(d => d.Checks, subscription.Checks + 1), ct);
            if (claimed == 0) continue;
            if (await QueueAsync(subscription, now, ct)) sent++;
        }
        if (sent > 0) logger.LogInformation("Queued {Count} coordinator digests", sent);
        return sent;
    }

    private async Task<bool> QueueAsync(DigestSubscription subscription, DateTimeOffset now, CancellationToken ct)
    {
        var language = subscription.Language;
        await using var scope = scopes.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<CoordinatorBoard>()
            .ReadAsync(Actor.Staff(subscription.Email, "", subscription.Email, StaffRoles.Coordinator), new BoardFilter(), language, ct);
        if (board.Steps.Count == 0 && board.Actions.Count == 0) return false;
        var steps = board.Steps.Select(s =>
            Words.In(language)["Digest.SilentLine", s.NetworkName, s.Question, string.Join(", ", s.Silent.Select(p => $"{p.Name} ({Silence.Of(p.SilentFor, language)})"))].Value).ToList();
        var actions = board.Actions.Select(a =>
            Words.In(language)["Digest.ActionLine", a.NetworkName, a.What, a.OwnerName, a.DueOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)].Value).ToList();
        var recipient = new Recipient(subscription.Email, null, language, RecipientKind.Coordinator);
        var email = TemplateCatalog.Shipped.Render(TemplateCatalog.Shipped.Find("coordinator-digest")!, language, new Dictionary<string, object?>
        {
            [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
            ["step_count"] = steps.Count,
            ["action_count"] = actions.Count,
            ["steps"] = steps,
            ["actions"] = actions,
            ["link"] = $"{links.Value.PublicUrl.TrimEnd('/')}/board",
        });
        var row = Outbox.Row(delivery, recipient, email, null, null, now);
        db.Outbox.Add(row);
        await db.SaveChangesAsync(ct);
        delivery.Deliver([row.Id]);
        return true;
    }

    /// <summary>The latest 07:00 (Monday's, for weekly) in Estonian time at or before now.</summary>
    public static DateTimeOffset LastMorning(DigestFrequency frequency, DateTimeOffset now)
    {
        var local = NetworkTime.Local(now);
        var day = local.Date;
        if (local.TimeOfDay < At) day = day.AddDays(-1);
        if (frequency == DigestFrequency.Weekly) day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var morning = day + At;
        return new DateTimeOffset(morning, NetworkTime.Zone.GetUtcOffset(morning));
    }

    private static string? EmailOf(Actor actor) =>
        actor is { Kind: ActorKind.Staff, Email: { Length: > 0 } email } ? email.ToLowerInvariant() : null;

    public static void Start(IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<CoordinatorDigest>(JobId, d => d.SendDueAsync(CancellationToken.None), "5 * * * *");
}
