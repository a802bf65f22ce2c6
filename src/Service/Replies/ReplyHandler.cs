using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Activities.Requests;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Members;
using Koostoo.Networks.Replies;
using Koostoo.Networks.Requests;
using Koostoo.Service.Answers;
using Koostoo.Service.Meetings;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Koostoo.Service.Replies;

/// <summary>
/// One message from the reply inbox. A reply from the member to a step that still waits, read against its form, is
/// their answer, recorded through <see cref="RequestInbox"/> like the web form's; anything else a person wrote gets the
/// member one short mail with the link (at most one per request a day); automatic mail gets nothing. Either way the
/// message's receipt is saved with what it caused, so it is handled once.
/// </summary>
public sealed class ReplyHandler(
    KoostooDbContext db, RequestInbox inbox, IMailDelivery delivery, IOptions<ReplyAddressing> addressing, IOptions<PublicLinks> links,
    TimeProvider time)
{
    private static readonly TimeSpan HelpAtMostEvery = TimeSpan.FromDays(1);

    public async Task<ReplyOutcome?> HandleAsync(long uidValidity, long uid, MimeMessage message, CancellationToken ct = default)
    {
        if (await db.Set<ReplyReceipt>().AnyAsync(r => r.UidValidity == uidValidity && r.Uid == uid, ct)) return null;
        var receipt = new ReplyReceipt { UidValidity = uidValidity, Uid = uid, At = time.GetUtcNow() };
        if (AutomaticMail.Is(message)) return await SaveAsync(receipt, ReplyOutcome.Automatic, ct);
        if (CalendarReply.Of(message) is { } calendar) return await AttendanceAsync(receipt, calendar, message, ct);

        var request = await RequestOfAsync(message, ct);
        if (request is null) return await SaveAsync(receipt, ReplyOutcome.Unknown, ct);
        receipt.RequestId = request.Id;
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        if (!string.Equals(sender, request.RespondentEmail, StringComparison.OrdinalIgnoreCase))
            return await HelpAsync(receipt, request, ReplyOutcome.OtherSender, ct);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (state, current) = await inbox.FindAsync(request.Id, ct);
            if (state != LinkState.Open) return await HelpAsync(receipt, current!, ReplyOutcome.StepClosed, ct);
            var read = ReplyAnswer.Read(RequestForm.FromJson(current!.Form).Fields, ReplyText.TopOf(BodyOf(message)), current.Language, NetworkTime.Today(time.GetUtcNow()));
            if (!read.IsValid) return await HelpAsync(receipt, current, ReplyOutcome.NotUnderstood, ct);
            receipt.Outcome = ReplyOutcome.Answered;
            var question = RequestForm.FromJson(current.Form).Question;
            var result = await inbox.SubmitAsync(current, current.BookmarkId, read.Answer, AnswerChannel.EmailReply, transaction =>
            {
                transaction.Add(receipt);
                NetworkHistory.Add(transaction, current.NetworkId, receipt.At, HistoryKind.AnsweredByEmail, HistoryActor.Respondent(current),
                    new JsonObject { ["question"] = NetworkHistory.Localized(question) });
            }, ct);
            if (result == SubmitResult.Saved) return ReplyOutcome.Answered;
            if (result == SubmitResult.Closed) return await HelpAsync(receipt, current, ReplyOutcome.StepClosed, ct);
            // Stale: the member answered on the page at the same moment; read the request again and answer on top of it.
        }
        // No receipt: the message is read again on the next run, when the step is no longer busy.
        throw new ConflictException(Words.Current["Problems.TheStepOfRequestStayedBusy", request.Id]);
    }

    /// <summary>
    /// A member's calendar answer to their network's meeting, from their own address and to the invitation as it stands
    /// now (its SEQUENCE): recorded, replacing their earlier answer. Anything else is not counted and not answered.
    /// </summary>
    private async Task<ReplyOutcome> AttendanceAsync(ReplyReceipt receipt, CalendarReply reply, MimeMessage message, CancellationToken ct)
    {
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        var meetingId = MeetingInvitations.MeetingIdOf(reply.Uid);
        var meeting = meetingId is null ? null : await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var attendee = reply.Attendee.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower() to SQL lower(); the culture and StringComparison overloads have no translation.
        var member = meeting is null || !string.Equals(sender, reply.Attendee, StringComparison.OrdinalIgnoreCase) ? null
            : await db.Set<Member>().AsNoTracking().FirstOrDefaultAsync(m => m.NetworkId == meeting.NetworkId && m.Email.ToLower() == attendee, ct);
#pragma warning restore CA1304, CA1311, CA1862
        if (meeting is null || member is null || reply.Sequence < meeting.Sequence) return await SaveAsync(receipt, ReplyOutcome.AttendanceIgnored, ct);

        var attendance = await db.Set<MeetingAttendance>().FirstOrDefaultAsync(a => a.MeetingId == meeting.Id && a.MemberId == member.Id, ct);
        if (attendance is null) db.Add(attendance = new MeetingAttendance { MeetingId = meeting.Id, MemberId = member.Id });
        attendance.Status = reply.Status;
        attendance.Sequence = reply.Sequence;
        attendance.At = receipt.At;
        return await SaveAsync(receipt, ReplyOutcome.Attendance, ct);
    }

    /// <summary>The request whose reply address the message was sent to (To, Cc, or the delivery headers a server adds).</summary>
    private async Task<StepRequest?> RequestOfAsync(MimeMessage message, CancellationToken ct)
    {
        var addresses = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(message.Headers.Where(h => h.Field is "Delivered-To" or "X-Original-To" or "Envelope-To").Select(h => h.Value.Trim().Trim('<', '>')));
        foreach (var key in addresses.Select(addressing.Value.KeyOf).OfType<string>().Distinct())
        {
            var hash = ReplyAddress.Hash(key);
            var requestId = await db.Set<ReplyAddress>().AsNoTracking().Where(a => a.KeyHash == hash).Select(a => (Guid?)a.RequestId).FirstOrDefaultAsync(ct);
            if (requestId is not null) return await db.Set<StepRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        }
        return null;
    }

    private static string BodyOf(MimeMessage message) =>
        message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.Of(html) : "");

    /// <summary>
    /// The member's short mail with a fresh link, to the member's own address (never to another sender: the link is
    /// theirs), in their language, with no attachment and nothing of the step but its network's name; once a day at most.
    /// </summary>
    private async Task<ReplyOutcome> HelpAsync(ReplyReceipt receipt, StepRequest request, ReplyOutcome outcome, CancellationToken ct)
    {
        var since = time.GetUtcNow() - HelpAtMostEvery;
        var helpedLately = await db.Set<ReplyReceipt>().AnyAsync(r => r.RequestId == request.Id && r.HelpSent && r.At > since, ct);
        OutboxMessage? row = null;
        if (!helpedLately)
        {
            var (link, token) = RequestLink.Create(request.Id, time.GetUtcNow());
            db.Add(link);
            var recipient = RequestMail.RespondentOf(request);
            var catalog = TemplateCatalog.Shipped;
            var email = catalog.Render(catalog.Find("reply-help")!, recipient.Language, new Dictionary<string, object?>
            {
                ["network"] = RequestForm.FromJson(request.Form).NetworkName,
                ["reason"] = Reason(outcome, recipient.Language),
                ["link"] = links.Value.Respond(token),
                [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
            });
            row = Outbox.Row(delivery, recipient, email, coordinator: null, attachments: null, time.GetUtcNow());
            db.Add(row);
            receipt.HelpSent = true;
        }
        await SaveAsync(receipt, outcome, ct);
        if (row is not null) delivery.Deliver([row.Id]);
        return outcome;
    }

    private static string Reason(ReplyOutcome outcome, string language) => Words.In(language)[outcome switch
    {
        ReplyOutcome.OtherSender => "Replies.OtherSender",
        ReplyOutcome.StepClosed => "Replies.StepClosed",
        _ => "Replies.NotUnderstood",
    }];

    private async Task<ReplyOutcome> SaveAsync(ReplyReceipt receipt, ReplyOutcome outcome, CancellationToken ct)
    {
        receipt.Outcome = outcome;
        db.Add(receipt);
        await db.SaveChangesAsync(ct);
        return outcome;
    }
}
