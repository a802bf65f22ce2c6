using Koostoo.Language;
using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Requests;
using Koostoo.Service.Access;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Meetings;

/// <summary>
/// The coordinator's meetings: planned and changed with invitations to everyone still in the network, and the memo
/// afterwards. Not a workflow step: the meeting, its history entry and its outbox rows are saved together, and mail
/// is handed to delivery only once they are.
/// </summary>
public sealed class MeetingPlanner(KoostooDbContext db, NetworkAccess access, IMailDelivery delivery, IOptions<PublicLinks> links,
    IOptions<ReplyAddressing> replies, TimeProvider time)
{
    public async Task<IReadOnlyList<Meeting>> ListAsync(Actor actor, Guid networkId, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct);
        return await db.Set<Meeting>().AsNoTracking().Where(m => m.NetworkId == networkId).OrderBy(m => m.StartsAt).ToListAsync(ct);
    }

    public async Task<Meeting> GetAsync(Actor actor, Guid networkId, Guid meetingId, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct);
        return await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId && m.NetworkId == networkId, ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoMeeting", networkId, meetingId]);
    }

    public async Task<Meeting> ScheduleAsync(Actor actor, Guid networkId, MeetingDraft draft, CancellationToken ct = default)
    {
        var network = await ActiveNetworkAsync(actor, networkId, ct);
        var plan = MeetingPlan.From(draft);
        var now = time.GetUtcNow();
        var meeting = new Meeting { NetworkId = networkId, Title = plan.Title, CreatedAt = now };
        Apply(meeting, plan);
        db.Add(meeting);
        NetworkHistory.Add(db, networkId, now, HistoryKind.MeetingPlanned, actor.ForHistory(),
            new() { ["meeting"] = meeting.Title, ["startsAt"] = NetworkHistory.Moment(meeting.StartsAt) });
        await SaveAndInviteAsync(network, meeting, changed: false, now, ct);
        return meeting;
    }

    /// <summary>A changed meeting goes out again with a higher SEQUENCE, so calendars replace the earlier invitation.</summary>
    public async Task<Meeting> ChangeAsync(Actor actor, Guid networkId, Guid meetingId, MeetingDraft draft, CancellationToken ct = default)
    {
        var network = await ActiveNetworkAsync(actor, networkId, ct);
        var meeting = await TrackedAsync(networkId, meetingId, ct);
        var plan = MeetingPlan.From(draft);
        var now = time.GetUtcNow();
        Apply(meeting, plan);
        meeting.Sequence++;
        NetworkHistory.Add(db, networkId, now, HistoryKind.MeetingChanged, actor.ForHistory(),
            new() { ["meeting"] = meeting.Title, ["startsAt"] = NetworkHistory.Moment(meeting.StartsAt) });
        await SaveAndInviteAsync(network, meeting, changed: true, now, ct);
        return meeting;
    }

    public async Task<Meeting> RecordMemoAsync(Actor actor, Guid networkId, Guid meetingId, MemoDraft draft, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var meeting = await TrackedAsync(networkId, meetingId, ct);
        if (string.IsNullOrWhiteSpace(draft.Memo))
            throw new MeetingRejectedException(new Dictionary<string, string[]> { ["memo"] = [Words.Current["Meetings.MeetingPlanner.TheMemoIsEmpty"]] });
        meeting.Memo = draft.Memo.Trim();
        NetworkHistory.Add(db, networkId, time.GetUtcNow(), HistoryKind.MemoWritten, actor.ForHistory(), new() { ["meeting"] = meeting.Title });
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private static void Apply(Meeting meeting, MeetingPlan plan)
    {
        meeting.Title = plan.Title;
        meeting.StartsAt = plan.StartsAt;
        meeting.EndsAt = plan.EndsAt;
        meeting.Place = plan.Place;
        meeting.OnlineLink = plan.OnlineLink;
        meeting.Agenda = plan.Agenda;
    }

    private async Task SaveAndInviteAsync(Network network, Meeting meeting, bool changed, DateTimeOffset now, CancellationToken ct)
    {
        var rows = MeetingInvitations.Queue(db, delivery, links.Value, replies.Value, network, meeting, changed, now);
        await db.SaveChangesAsync(ct);
        delivery.Deliver(rows.Select(r => r.Id).ToList());
    }

    /// <summary>A network that still meets: one finished or cancelled sends no more invitations, new or changed.</summary>
    private async Task<Network> ActiveNetworkAsync(Actor actor, Guid networkId, CancellationToken ct)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        if (network.Status != NetworkStatus.Active)
            throw new ConflictException(Words.Current["Problems.TheNetworkIsItHoldsNo", network.Name, NetworkWords.Of(network.Status, Words.Current.Language)]);
        return network;
    }

    private async Task<Meeting> TrackedAsync(Guid networkId, Guid meetingId, CancellationToken ct) =>
        await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == meetingId && m.NetworkId == networkId, ct)
        ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoMeeting", networkId, meetingId]);
}
