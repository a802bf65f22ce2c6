using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Agreements;
using Koostoo.Networks.Evaluation;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Information;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Members;
using Koostoo.Networks.Reviews;
using Koostoo.Service.Access;
using Koostoo.Service.Meetings;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.WorkSheets;

/// <summary>
/// Builds a network's work sheets from its records, in the reader's language: the rows every format renders.
/// Times are Tallinn wall time, as the coordinator reads them on paper.
/// </summary>
public sealed class WorkSheetBuilder(KoostooDbContext db, NetworkAccess access, TimeProvider time)
{
    /// <summary>The sheet, or <see cref="NotFoundException"/> naming what is unknown (in the reader's language).</summary>
    public async Task<WorkSheet> BuildAsync(Actor actor, Guid networkId, string sheet, string language, CancellationToken ct = default)
    {
        var W = Words.In(language);
        if (!SheetNames.TryParse(sheet, out var kind))
            throw new NotFoundException(W["WorkSheets.WorkSheetBuilder.ThereIsNoWorkSheetThe", sheet, string.Join(", ", SheetNames.Addresses)]);
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct);
        var sections = kind switch
        {
            SheetKind.Members => Members(network, W),
            SheetKind.Agreements => await AgreementsAsync(network, W, ct),
            SheetKind.Plan => await PlanAsync(network, W, ct),
            SheetKind.Meetings => await MeetingsAsync(network, W, ct),
            SheetKind.Information => await InformationAsync(network, W, ct),
            SheetKind.Review => await ReviewsAsync(network, W, ct),
            _ => await FeedbackAsync(network, W, ct),
        };
        return new WorkSheet(kind, W.Language, SheetNames.Title(kind, language), network.Name, Local(time.GetUtcNow()), sections);
    }

    private static List<SheetSection> Members(Network network, Words W)
    {
        var rows = new List<SheetRow>
        {
            new([network.CoordinatorName, network.LeadOrganisation, null, W["WorkSheets.WorkSheetBuilder.Coordinator"], network.CoordinatorEmail, null, W["WorkSheets.WorkSheetBuilder.Leads"]]),
        };
        rows.AddRange(network.Members.OrderByDescending(m => m.IsActive).ThenBy(m => m.AddedAt).Select(m => new SheetRow(
            [m.Name, m.Organisation, SectorNames.In(m.Sector, W.Language), m.RoleIn(W.Language), m.Email, m.Phone, NetworkWords.Of(m.Status, W.Language)])));
        return [new(W["WorkSheets.WorkSheetBuilder.Members"],
            [W["WorkSheets.WorkSheetBuilder.Name"], W["WorkSheets.WorkSheetBuilder.Organisation"], W["WorkSheets.WorkSheetBuilder.Sector"], W["WorkSheets.WorkSheetBuilder.Role"], W["WorkSheets.WorkSheetBuilder.Email"], W["WorkSheets.WorkSheetBuilder.Phone"], W["WorkSheets.WorkSheetBuilder.Status"]],
            rows)];
    }

    private async Task<List<SheetSection>> AgreementsAsync(Network network, Words W, CancellationToken ct)
    {
        var agreements = await db.Set<GroupAgreement>().AsNoTracking().Where(a => a.NetworkId == network.Id).OrderBy(a => a.Position).ToListAsync(ct);
        // Someone who has not accepted yet is marked: the coordinator sees the silence before the roles step closes.
        var acceptance = network.Members.Where(m => m.IsActive || m.AgreementsAcceptedAt is not null).OrderBy(m => m.AddedAt)
            .Select(m => new SheetRow([m.Name, m.AgreementsAcceptedAt is { } at ? Local(at) : W["WorkSheets.WorkSheetBuilder.NotYet"]], Flagged: m.AgreementsAcceptedAt is null))
            .ToList();
        return
        [
            new(W["WorkSheets.WorkSheetBuilder.Agreements"], [W["WorkSheets.WorkSheetBuilder.No"], W["WorkSheets.WorkSheetBuilder.Agreement"]],
                agreements.Select((a, i) => new SheetRow([i + 1, a.Text])).ToList()),
            new(W["WorkSheets.WorkSheetBuilder.WhoHasAccepted"], [W["WorkSheets.WorkSheetBuilder.Member"], W["WorkSheets.WorkSheetBuilder.Accepted"]], acceptance),
        ];
    }

    private async Task<List<SheetSection>> PlanAsync(Network network, Words W, CancellationToken ct)
    {
        var goal = await db.Set<Goal>().AsNoTracking().Where(g => g.NetworkId == network.Id && g.Status == GoalStatus.Approved)
            .OrderByDescending(g => g.Draft).FirstOrDefaultAsync(ct);
        List<SheetRow> goalRows = goal is null
            ? [new([W["WorkSheets.WorkSheetBuilder.Goal"], W["WorkSheets.WorkSheetBuilder.NoGoalHasBeenApprovedYet"]])]
            :
            [
                new([W["WorkSheets.WorkSheetBuilder.Problem"], goal.Problem]),
                new([W["WorkSheets.WorkSheetBuilder.Specific"], goal.Specific]),
                new([W["WorkSheets.WorkSheetBuilder.Measurable"], goal.Measurable]),
                new([W["WorkSheets.WorkSheetBuilder.Ambitious"], goal.Ambitious]),
                new([W["WorkSheets.WorkSheetBuilder.Realistic"], goal.Realistic]),
                new([W["WorkSheets.WorkSheetBuilder.TimeBound"], goal.TimeBound]),
                new([W["WorkSheets.WorkSheetBuilder.Approved"], goal.DecidedAt is { } decided
                    ? $"{SheetText.Format(Local(decided), W.Language)} ({W["WorkSheets.WorkSheetBuilder.For"]} {goal.VotesFor}, {W["WorkSheets.WorkSheetBuilder.Against"]} {goal.VotesAgainst})"
                    : $"{W["WorkSheets.WorkSheetBuilder.For"]} {goal.VotesFor}, {W["WorkSheets.WorkSheetBuilder.Against"]} {goal.VotesAgainst}"]),
            ];

        var today = DateOnly.FromDateTime(Local(time.GetUtcNow()));
        var actions = await db.Set<ActionItem>().AsNoTracking().Include(a => a.Progress).Where(a => a.NetworkId == network.Id).ToListAsync(ct);
        var actionRows = actions.OrderBy(a => a.DueOn).ThenBy(a => a.What).Select(a => new SheetRow(
        [
            a.What, a.OwnerName, a.DueOn, NetworkWords.Of(a.Status, W.Language),
            a.Progress.Where(p => !string.IsNullOrWhiteSpace(p.Note)).OrderBy(p => p.At).LastOrDefault()?.Note,
            a.Needs, a.IsOverdue(today) ? W["WorkSheets.WorkSheetBuilder.Yes"] : null,
        ], Flagged: a.IsOverdue(today))).ToList();
        return
        [
            new(W["WorkSheets.WorkSheetBuilder.Goal"], [W["WorkSheets.WorkSheetBuilder.Part"], W["WorkSheets.WorkSheetBuilder.Content"]], goalRows),
            new(W["WorkSheets.WorkSheetBuilder.Actions"],
                [W["WorkSheets.WorkSheetBuilder.Action"], W["WorkSheets.WorkSheetBuilder.Owner"], W["WorkSheets.WorkSheetBuilder.Due"], W["WorkSheets.WorkSheetBuilder.Status2"], W["WorkSheets.WorkSheetBuilder.LastProgressNote"],
                 W["WorkSheets.WorkSheetBuilder.Needs"], W["WorkSheets.WorkSheetBuilder.Overdue"]],
                actionRows),
        ];
    }

    private async Task<List<SheetSection>> MeetingsAsync(Network network, Words W, CancellationToken ct)
    {
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.NetworkId == network.Id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var attendees = await MeetingAttendees.OfAsync(db, network, meetings, ct);
        return
        [
            new(W["WorkSheets.WorkSheetBuilder.Meetings"],
                [W["WorkSheets.WorkSheetBuilder.Starts"], W["WorkSheets.WorkSheetBuilder.Ends"], W["WorkSheets.WorkSheetBuilder.Meeting"], W["WorkSheets.WorkSheetBuilder.Place"], W["WorkSheets.WorkSheetBuilder.Agenda"], W["WorkSheets.WorkSheetBuilder.Memo"],
                    W["WorkSheets.WorkSheetBuilder.Coming"]],
                meetings.Select(m => new SheetRow(
                [
                    Local(m.StartsAt), Local(m.EndsAt), m.Title,
                    string.Join(" · ", new[] { m.Place, m.OnlineLink }.Where(p => p is not null)),
                    m.Agenda, m.Memo, AttendanceText.Of(attendees[m.Id], W.Language),
                ])).ToList()),
        ];
    }

    /// <summary>One row per member who answered, grouped by sector, with who is still silent flagged below.</summary>
    private async Task<List<SheetSection>> InformationAsync(Network network, Words W, CancellationToken ct)
    {
        var contributions = await db.Set<Contribution>().AsNoTracking().Where(c => c.NetworkId == network.Id).ToListAsync(ct);
        return
        [
            new(W["WorkSheets.WorkSheetBuilder.WhatTheFieldsKnowAndOffer"],
                [W["WorkSheets.WorkSheetBuilder.Sector"], W["WorkSheets.WorkSheetBuilder.Member"], W["WorkSheets.WorkSheetBuilder.WhatWeKnowAboutTheSituation"],
                 W["WorkSheets.WorkSheetBuilder.WhatWeCanOffer"], W["WorkSheets.WorkSheetBuilder.Given"]],
                contributions.OrderBy(c => c.Sector).ThenBy(c => c.GivenAt).Select(c => new SheetRow(
                    [SectorNames.In(c.Sector, W.Language), c.RespondentName, c.Knows, c.Offers, Local(c.GivenAt)])).ToList()),
        ];
    }

    /// <summary>
    /// Each review, newest first: its functions weakest first with the previous review's average beside them, then
    /// what the parties expect, by sector and without names (as the feedback's comments).
    /// </summary>
    private async Task<List<SheetSection>> ReviewsAsync(Network network, Words W, CancellationToken ct)
    {
        var reviews = await Reviews.NetworkReviews.WithAnswersAsync(db, network.Id, ct);
        if (reviews.Count == 0)
            return [new(W["WorkSheets.WorkSheetBuilder.Reviews"], [W["WorkSheets.WorkSheetBuilder.Review"]], [new([W["WorkSheets.WorkSheetBuilder.TheNetworkHasNotBeenReviewed"]])])];
        var sections = new List<SheetSection>();
        for (var i = reviews.Count - 1; i >= 0; i--)
        {
            var (review, answers) = reviews[i];
            var summary = ReviewSummary.Of(answers, i == 0 ? null : reviews[i - 1].Answers);
            var when = $"{SheetText.Format(Local(review.StartedAt), W.Language)}{(review.ClosedAt is { } closed ? $" – {SheetText.Format(Local(closed), W.Language)}" : $", {W["WorkSheets.WorkSheetBuilder.Open"]}")}";
            sections.Add(new(W["WorkSheets.WorkSheetBuilder.ReviewNoAnswered", review.Number, when, answers.Count],
                [W["WorkSheets.WorkSheetBuilder.Function"], W["WorkSheets.WorkSheetBuilder.Average15"], W["WorkSheets.WorkSheetBuilder.Ratings"], W["WorkSheets.WorkSheetBuilder.PreviousReview"], W["WorkSheets.WorkSheetBuilder.Change"]],
                summary.Select((s, rank) => new SheetRow([s.Function.Name(W.Language), s.Average, s.Ratings, s.PreviousAverage, s.Change],
                    Flagged: rank == 0 && s.Average is not null)).ToList()));
            sections.Add(new(W["WorkSheets.WorkSheetBuilder.ExpectationsReviewNo", review.Number],
                [W["WorkSheets.WorkSheetBuilder.Sector"], W["WorkSheets.WorkSheetBuilder.Expectation"]],
                answers.Where(a => !string.IsNullOrWhiteSpace(a.Expectations)).OrderBy(a => a.Sector)
                    .Select(a => new SheetRow([SectorNames.In(a.Sector, W.Language), a.Expectations!.Trim()])).ToList()));
        }
        return sections;
    }

    /// <summary>
    /// Scores as counts and averages; resources and comments without names, since the summary is printed and passed
    /// round, and people write more freely when a remark is not read back under their name.
    /// </summary>
    private async Task<List<SheetSection>> FeedbackAsync(Network network, Words W, CancellationToken ct)
    {
        var feedback = await db.Set<Feedback>().AsNoTracking().Where(f => f.NetworkId == network.Id).OrderBy(f => f.GivenAt).ToListAsync(ct);
        SheetRow Score(string question, Func<Feedback, int> score)
        {
            var given = feedback.Select(score).Where(s => s is >= 1 and <= 5).ToList();
            decimal? average = given.Count == 0 ? null : Math.Round((decimal)given.Sum() / given.Count, 1);
            return new SheetRow([question, given.Count, average, .. Enumerable.Range(1, 5).Select(s => (object?)given.Count(g => g == s))]);
        }
        return
        [
            new(W["WorkSheets.WorkSheetBuilder.InTotal"], [W["WorkSheets.WorkSheetBuilder.PeopleWhoGaveFeedback"]], [new([feedback.Count])]),
            new(W["WorkSheets.WorkSheetBuilder.Scores1NotAtAll5"],
                [W["WorkSheets.WorkSheetBuilder.Question"], W["WorkSheets.WorkSheetBuilder.Answers"], W["WorkSheets.WorkSheetBuilder.Average"], "1", "2", "3", "4", "5"],
                [
                    Score(W["WorkSheets.WorkSheetBuilder.TheGoalWasReached"], f => f.GoalReached),
                    Score(W["WorkSheets.WorkSheetBuilder.QualityOfCooperation"], f => f.CooperationQuality),
                    Score(W["WorkSheets.WorkSheetBuilder.Satisfaction"], f => f.Satisfaction),
                ]),
            new(W["WorkSheets.WorkSheetBuilder.ResourcesUsed"], [W["WorkSheets.WorkSheetBuilder.Resources"]],
                feedback.Where(f => !string.IsNullOrWhiteSpace(f.ResourcesUsed)).Select(f => new SheetRow([f.ResourcesUsed!.Trim()])).ToList()),
            new(W["WorkSheets.WorkSheetBuilder.Comments"], [W["WorkSheets.WorkSheetBuilder.Comment"]],
                feedback.Where(f => !string.IsNullOrWhiteSpace(f.Comment)).Select(f => new SheetRow([f.Comment!.Trim()])).ToList()),
        ];
    }

    private static DateTime Local(DateTimeOffset moment) => NetworkTime.Local(moment).DateTime;
}
