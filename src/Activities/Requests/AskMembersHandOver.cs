using Koostoo.Workflows.Definitions;
using Koostoo.Language;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Requests;

public sealed partial class AskMembers
{
    /// <summary>
    /// A member hands their request to a colleague (docs/requests.md, "Handing a request on"). The colleague joins the
    /// network in the member's sector and organisation (unless already an active member), gets a request and a link of
    /// their own in this step and counts in its tally in the member's place; the member's request closes and its links
    /// say to whom; the coordinator is mailed with the note; the history tells who handed what to whom.
    /// </summary>
    private async Task<ActivityResult> HandOverAsync(ActivityContext context, Bookmark bookmark, StepRequest request, HandOver handOver)
    {
        var db = context.NetworkDb();
        var network = (await NetworkPeople.NetworkOfAsync(context))!;
        var email = handOver.Email.Trim();
        var from = network.Members.FirstOrDefault(m => m.Id == request.MemberId);
        var asked = (await OpenRequests.OfAsync(context)).Any(r => string.Equals(r.RespondentEmail, email, StringComparison.OrdinalIgnoreCase));
        // The service checked all this before resuming; what changed since (an answer, the colleague asked meanwhile)
        // leaves the request as it was, its link working.
        if (from is null || request.Answer is not null || asked || await HandOver.TimesInARowAsync(db.StepRequests, request.Id) >= HandOver.MaxInARow)
        {
            request.BookmarkId = context.CreateBookmark(BookmarkKind.Response, bookmark.Key).Id;
            context.Log("A hand-over was refused: the request was answered, handed on too often, or the colleague is already asked in this step.");
            return ActivityResult.Suspend();
        }

        var colleague = network.Members.FirstOrDefault(m => m.IsActive && string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));
        var joined = colleague is null;
        if (colleague is null)
        {
            colleague = new Member
            {
                NetworkId = network.Id,
                Name = handOver.Name.Trim(),
                Email = email,
                Sector = from.Sector,
                Organisation = from.Organisation,
                Language = request.Language,
                AddedAt = context.Now,
            };
            db.Members.Add(colleague);
            // The tracked network names them too (fix-up may already have), so the mail below, which goes only to the network's people, finds them.
            if (!network.Members.Contains(colleague)) network.Members.Add(colleague);
        }

        var handed = new StepRequest
        {
            NetworkId = request.NetworkId,
            MemberId = colleague.Id,
            RespondentName = colleague.Name,
            RespondentEmail = colleague.Email,
            Language = colleague.Language,
            InstanceId = request.InstanceId,
            ActivityId = request.ActivityId,
            // The question as the member was shown it: the colleague answers the same thing.
            Form = request.Form,
            CreatedAt = context.Now,
            Deadline = DeadlineOf(context) ?? request.Deadline,
        };
        handed.BookmarkId = context.CreateBookmark(BookmarkKind.Response, AnswerKey + handed.Id).Id;
        db.StepRequests.Add(handed);
        request.ClosedAt = context.Now;
        request.HandedOverAt = context.Now;
        request.HandedOverToId = handed.Id;

        var note = string.IsNullOrWhiteSpace(handOver.Note) ? null : handOver.Note.Trim();
        var question = RequestForm.FromJson(request.Form).Question;
        var coordinator = NetworkPeople.CoordinatorOf(network);
        var toColleague = RequestMail.ToRespondent(context, "step-handed-over", handed, coordinator, Localized.Text(l => note is null
            ? Words.In(l)["HandOver.HandedToYou", request.RespondentName]
            : Words.In(l)["HandOver.HandedToYouWithNote", request.RespondentName, note]), TimeZone);
        var toCoordinator = RequestMail.NoticeToCoordinator(context, network, coordinator,
            Localized.Text("HandOver.CoordinatorTitle", request.RespondentName, colleague.Name),
            Localized.Text(l => Words.In(l)["HandOver.CoordinatorNotice", request.RespondentName, question.In(l), colleague.Name, colleague.Email]
                + (joined ? Words.In(l)["HandOver.ColleagueJoined", colleague.Name, SectorNames.In(colleague.Sector, l)] : "")
                + (note is null ? "" : Words.In(l)["HandOver.CoordinatorNote", note])));
        Outbox.DeliverAfterCommit(context, [toColleague, toCoordinator]);
        NetworkHistory.Add(context.Db, network.Id, context.Now, HistoryKind.RequestHandedOver, HistoryActor.Member(request.RespondentName), new()
        {
            ["question"] = NetworkHistory.Localized(question),
            ["from"] = request.RespondentName,
            ["to"] = colleague.Name,
            ["joined"] = joined,
        });
        context.Log(joined
            ? "A member handed their request to a colleague, who joined the network and is asked in their place."
            : "A member handed their request to another member, who is asked in their place.");
        return await SettleAsync(context);
    }
}
