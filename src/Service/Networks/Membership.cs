using Koostoo.Language;
using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Launch;
using Koostoo.Networks.Members;
using Koostoo.Service.Access;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>
/// Members joining and leaving mid-cycle (members change in every network: docs/glossary.md). A new member is asked in the next steps, or
/// in a waiting one when the coordinator adds them to it; one who leaves is no longer asked, and every step waiting
/// for them stops counting them, so the rest can close it.
/// </summary>
public sealed class Membership(WorkflowDbContext db, NetworkAccess access, StepCommands commands, TimeProvider time)
{
    public Task<Member> AddAsync(Actor actor, Guid networkId, MemberDraft draft, CancellationToken ct = default) =>
        AddAsync(actor, networkId, draft, null, ct);

    /// <summary>
    /// Adds the colleague a member suggested (as the coordinator corrected their name and address) and marks the
    /// suggestion invited, in one transaction; the caller then asks them in the waiting steps, as with any new member.
    /// </summary>
    public async Task<Member> InviteSuggestedAsync(Actor actor, Guid networkId, Guid suggestionId, MemberDraft draft, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var suggestion = await db.Set<ColleagueSuggestion>().FirstOrDefaultAsync(s => s.Id == suggestionId && s.NetworkId == networkId, ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoSuggestedColleague", networkId, suggestionId]);
        if (suggestion.InvitedMemberId is not null) throw new ConflictException(Words.Current["Problems.ThisColleagueHasBeenInvitedAlready"]);
        return await AddAsync(actor, networkId, draft, member =>
        {
            suggestion.InvitedMemberId = member.Id;
            suggestion.InvitedAt = member.AddedAt;
            return (HistoryKind.SuggestedColleagueInvited, new() { ["member"] = member.Name, ["suggestedBy"] = suggestion.SuggestedBy });
        }, ct);
    }

    /// <param name="alongside">Changes saved with the new member, and the history entry that tells of it (joined, by default).</param>
    private async Task<Member> AddAsync(Actor actor, Guid networkId, MemberDraft draft, Func<Member, (HistoryKind, System.Text.Json.Nodes.JsonObject)>? alongside,
        CancellationToken ct)
    {
        var network = await access.LoadAsync(actor, networkId, NetworkPermission.Coordinate, ct);
        if (network.Status != NetworkStatus.Active)
            throw new ConflictException(Words.Current["Problems.TheNetworkIsNobodyJoinsIt", NetworkWords.Of(network.Status, Words.Current.Language)]);
        var check = new LaunchCheck();
        if (string.IsNullOrWhiteSpace(draft.Name)) check.Errors["name"] = [Words.Current["Launch.LaunchCheck.TheMemberSNameIsMissing"]];
        if (!LaunchCheck.IsEmail(draft.Email)) check.Errors["email"] = [Words.Current["Launch.LaunchCheck.IsNotAValidEmail", draft.Email]];
        else if (network.Members.Any(m => m.IsActive && string.Equals(m.Email, draft.Email.Trim(), StringComparison.OrdinalIgnoreCase)))
            check.Errors["email"] = [Words.Current["Networks.Membership.ThisEmailIsAlreadyInThe"]];
        if (!check.IsValid) throw new LaunchRejectedException(check);

        var member = draft.ToMember(time.GetUtcNow());
        member.NetworkId = networkId;
        db.Add(member);
        var (kind, arguments) = alongside?.Invoke(member) ?? (HistoryKind.MemberJoined, new() { ["member"] = member.Name });
        NetworkHistory.Add(db, networkId, member.AddedAt, kind, actor.ForHistory(), arguments);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>A member who can be asked now: in this network and not gone.</summary>
    public async Task EnsureActiveAsync(Actor actor, Guid networkId, Guid memberId, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var member = await db.Set<Member>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.NetworkId == networkId, ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoMemberAddThem", networkId, memberId]);
        if (!member.IsActive) throw new ConflictException(Words.Current["Problems.HasLeftTheNetwork", member.Name]);
    }

    public async Task RemoveAsync(Actor actor, Guid networkId, Guid memberId, CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var member = await db.Set<Member>().FirstOrDefaultAsync(m => m.Id == memberId && m.NetworkId == networkId, ct)
            ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoMember", networkId, memberId]);
        if (member.Status == MemberStatus.Left) return;
        member.Status = MemberStatus.Left;
        member.LeftAt = time.GetUtcNow();
        NetworkHistory.Add(db, networkId, member.LeftAt.Value, HistoryKind.MemberLeft, actor.ForHistory(), new() { ["member"] = member.Name });
        await db.SaveChangesAsync(ct);

        foreach (var step in await WaitingStepsAsync(networkId, ct))
            await commands.SendAsync(actor, networkId, step, new StepCommand.RemoveMember(memberId), ct);
    }

    /// <summary>
    /// Asks a member who just joined in every step that waits now (the coordinator's page does this with each new
    /// member). A step that closes meanwhile is skipped: the member is in the network and the next steps ask them.
    /// </summary>
    public async Task<int> AskInWaitingStepsAsync(Actor actor, Guid networkId, Guid memberId, CancellationToken ct = default)
    {
        var asked = 0;
        foreach (var step in await WaitingStepsAsync(networkId, ct))
        {
            try
            {
                await commands.SendAsync(actor, networkId, step, new StepCommand.AddMember(memberId), ct);
                asked++;
            }
            catch (ConflictException)
            {
                // Closed between the listing and the command: nothing to ask in.
            }
        }
        return asked;
    }

    private async Task<List<string>> WaitingStepsAsync(Guid networkId, CancellationToken ct)
    {
        var instanceId = await db.Set<Network>().Where(n => n.Id == networkId).Select(n => n.WorkflowInstanceId).FirstAsync(ct);
        return await WaitingSteps.OfAsync(db, instanceId, ct);
    }
}
