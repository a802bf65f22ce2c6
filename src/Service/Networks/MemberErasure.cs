using Koostoo.Language;
using System.Text.Json;
using Koostoo.Activities.Email;
using Koostoo.Networks.Actions;
using Koostoo.Networks.History;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Service.Access;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Networks;

/// <summary>What the service holds about one member: a subject access request's answer, as JSON.</summary>
public sealed record MemberExport(Guid NetworkId, string NetworkName, MemberView Member, IReadOnlyList<MemberExport.Request> Requests,
    IReadOnlyList<MemberExport.Action> Actions, IReadOnlyList<string> History, DateTimeOffset ExportedAt)
{
    public sealed record Request(string Question, DateTimeOffset AskedAt, JsonElement? Answer, DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt);

    public sealed record Action(string What, DateOnly DueOn, ActionStatus Status, string? Needs);
}

/// <summary>
/// A member's data on request (docs/security.md, "Erasure"): exported as JSON, and erased. Erasure replaces the name,
/// address and phone everywhere the service keeps them with a neutral placeholder, keeps the answers without the person
/// (still counted), kills their links, drops their queued mail and takes them out of every waiting step.
/// </summary>
public sealed class MemberErasure(KoostooDbContext db, NetworkAccess access, StepCommands commands, Accounts.AuditLog audit, TimeProvider time)
{
    /// <summary>What an erased member is called from then on, in pages, sheets, the API and the history.</summary>
    public const string Placeholder = "Kustutatud liige";

    public async Task<MemberExport> ExportAsync(Actor actor, Guid networkId, Guid memberId, CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var member = network.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoMember", networkId, memberId]);
        var requests = await db.StepRequests.AsNoTracking().Where(r => r.MemberId == memberId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.OwnerMemberId == memberId).OrderBy(a => a.DueOn).ToListAsync(ct);
        var history = await db.Set<HistoryEntry>().AsNoTracking().Where(h => h.NetworkId == networkId).OrderBy(h => h.Id).ToListAsync(ct);
        // Recorded before the data leaves: who took a member's data, of which network, by the member's id (never the name).
        await audit.RecordAsync(actor, Accounts.AuditAction.MemberExported, networkId, $"member {memberId}", ct);
        return new MemberExport(network.Id, network.Name,
            new MemberView(member.Id, member.Name, member.Organisation, member.Sector, member.Email, member.Phone, member.Language, member.Role, member.Status),
            requests.Select(r => new MemberExport.Request(RequestForm.FromJson(r.Form).Question.In(member.Language), r.CreatedAt,
                r.Answer is null ? null : JsonDocument.Parse(r.Answer).RootElement.Clone(), r.AnsweredAt, r.ClosedAt)).ToList(),
            actions.Select(a => new MemberExport.Action(a.What, a.DueOn, a.Status, a.Needs)).ToList(),
            history.Where(h => h.ActorName == member.Name || h.Arguments.Contains(JsonText(member.Name), StringComparison.Ordinal))
                .Select(h => $"{h.At:yyyy-MM-dd HH:mm} {HistoryText.Of(h, member.Language)}").ToList(),
            time.GetUtcNow());
    }

    public Task EraseAsync(Actor actor, Guid networkId, Guid memberId, CancellationToken ct = default) =>
        EraseAsync(actor, networkId, memberId, HistoryKind.MemberErased, ct);

    /// <param name="recordAs">What the network's history says; null when the caller says it once for many (retention).</param>
    internal async Task EraseAsync(Actor actor, Guid networkId, Guid memberId, HistoryKind? recordAs, CancellationToken ct)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        var member = network.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException(Words.Current["Problems.NetworkHasNoMember", networkId, memberId]);
        if (member.Name == Placeholder) return;
        // Out of every waiting step that still waits for their answer, through the step itself (it may close now); an
        // answer already given stays in its step and counts, without the person.
        var silentIn = await db.StepRequests.AsNoTracking().Where(r => r.MemberId == memberId && r.ClosedAt == null && r.Answer == null)
            .Select(r => r.ActivityId).Distinct().ToListAsync(ct);
        var waiting = await WaitingSteps.OfAsync(db, network.WorkflowInstanceId, ct);
        foreach (var step in silentIn.Where(waiting.Contains))
        {
            try
            {
                await commands.SendAsync(actor, networkId, step, new Activities.Requests.StepCommand.RemoveMember(memberId), ct);
            }
            catch (ConflictException)
            {
                // The step closed meanwhile: nothing waits for them there.
            }
        }

        var erasedEmail = $"erased-{memberId:N}@erased.invalid";
        string[] personal = [member.Name, member.Email, .. member.Phone is { } p ? [p] : Array.Empty<string>()];
        string Scrub(string text)
        {
            foreach (var value in personal.Where(v => v.Length > 0))
                text = text.Replace(value, Placeholder, StringComparison.OrdinalIgnoreCase)
                    .Replace(JsonText(value), JsonText(Placeholder), StringComparison.OrdinalIgnoreCase);
            return text;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        var (oldName, oldEmail) = (row.Name, row.Email);
        row.Name = Placeholder;
        row.Email = erasedEmail;
        row.Phone = null;
        row.Organisation = null;
        row.Status = MemberStatus.Left;
        row.LeftAt ??= time.GetUtcNow();

        var requests = await db.StepRequests.Where(r => r.MemberId == memberId).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        foreach (var request in requests)
        {
            request.RespondentName = Placeholder;
            request.RespondentEmail = erasedEmail;
        }
        // Their links and reply addresses lead nowhere any more: the link page says it is not known.
        await db.RequestLinks.Where(l => requestIds.Contains(l.RequestId)).ExecuteDeleteAsync(ct);
        await db.Set<ReplyAddress>().Where(a => requestIds.Contains(a.RequestId)).ExecuteDeleteAsync(ct);
        foreach (var action in await db.ActionItems.Where(a => a.OwnerMemberId == memberId).ToListAsync(ct)) action.OwnerName = Placeholder;
        foreach (var feedback in await db.Feedback.Where(f => f.MemberId == memberId).ToListAsync(ct)) feedback.RespondentName = Placeholder;
        foreach (var contribution in await db.Contributions.Where(c => c.MemberId == memberId).ToListAsync(ct)) contribution.RespondentName = Placeholder;
        foreach (var vote in await db.GoalVotes.Where(v => v.MemberId == memberId).ToListAsync(ct)) vote.RespondentName = Placeholder;
        foreach (var suggestion in await db.ColleagueSuggestions.Where(s => s.SuggestedByMemberId == memberId).ToListAsync(ct)) suggestion.SuggestedBy = Placeholder;
        foreach (var rating in await db.ReviewAnswers.Where(a => a.MemberId == memberId).ToListAsync(ct)) rating.RespondentName = Placeholder;
        // A review beside the network's workflow asks them no more either (the steps above are the network's own).
        foreach (var request in requests.Where(r => r.ClosedAt is null && r.Answer is null && r.InstanceId != network.WorkflowInstanceId)) request.ClosedAt = time.GetUtcNow();
        foreach (var entry in await db.Set<HistoryEntry>().Where(h => h.NetworkId == networkId).ToListAsync(ct))
        {
            entry.Arguments = Scrub(entry.Arguments);
            if (entry.ActorName == oldName) entry.ActorName = Placeholder;
        }

        // Their queued mail is dropped; what was sent keeps no trace of them in the stored copy; others' mail loses their name.
        await db.Outbox.Where(m => m.ToAddress == oldEmail && m.Status == OutboxStatus.Pending && m.InstanceId == network.WorkflowInstanceId).ExecuteDeleteAsync(ct);
        foreach (var mail in await db.Outbox.Where(m => m.InstanceId == network.WorkflowInstanceId || m.ToAddress == oldEmail).ToListAsync(ct))
        {
            if (string.Equals(mail.ToAddress, oldEmail, StringComparison.OrdinalIgnoreCase))
            {
                db.Entry(mail).Property(m => m.ToAddress).CurrentValue = erasedEmail;
                db.Entry(mail).Property(m => m.ToName).CurrentValue = Placeholder;
                mail.TextBody = "";
                mail.HtmlBody = "";
            }
            else
            {
                mail.TextBody = Scrub(mail.TextBody);
                mail.HtmlBody = Scrub(mail.HtmlBody);
            }
        }

        // The workflow's variables name who answered and who is silent: the same placeholder there.
        if (network.WorkflowInstanceId is { } instanceId && await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, ct) is { } instance)
        {
            var scrubbed = Scrub(instance.State);
            if (scrubbed != instance.State)
            {
                instance.State = scrubbed;
                instance.Revision++;
            }
        }
        if (recordAs is { } kind) NetworkHistory.Add(db, networkId, time.GetUtcNow(), kind, actor.ForHistory());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Who erased whom, by the member's id: the name is gone, and the audit log must not keep it either.
        await audit.RecordAsync(actor, Accounts.AuditAction.MemberErased, networkId, $"member {memberId}", ct);
    }

    /// <summary>A text as it is written inside a JSON string.</summary>
    private static string JsonText(string text) => JsonSerializer.Serialize(text)[1..^1];
}
