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
        string T(string et, string en) => language == "en" ? en : et;
        if (!SheetNames.TryParse(sheet, out var kind))
            throw new NotFoundException(T($"Töölehte „{sheet}“ ei ole. Töölehed on: {string.Join(", ", SheetNames.Addresses)}.",
                $"There is no work sheet '{sheet}'. The sheets are: {string.Join(", ", SheetNames.Addresses)}."));
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Read, language == "en" ? "en" : "et", ct);
        var sections = kind switch
        {
            SheetKind.Members => Members(network, T),
            SheetKind.Agreements => await AgreementsAsync(network, T, ct),
            SheetKind.Plan => await PlanAsync(network, T, ct),
            SheetKind.Meetings => await MeetingsAsync(network, T, ct),
            SheetKind.Information => await InformationAsync(network, T, ct),
            SheetKind.Review => await ReviewsAsync(network, T, ct),
            _ => await FeedbackAsync(network, T, ct),
        };
        return new WorkSheet(kind, language == "en" ? "en" : "et", SheetNames.Title(kind, language), network.Name, Local(time.GetUtcNow()), sections);
    }

    private static List<SheetSection> Members(Network network, Func<string, string, string> T)
    {
        var rows = new List<SheetRow>
        {
            new([network.CoordinatorName, network.LeadOrganisation, null, T("võrgustiku juht", "coordinator"), network.CoordinatorEmail, null, T("juhib", "leads")]),
        };
        rows.AddRange(network.Members.OrderByDescending(m => m.IsActive).ThenBy(m => m.AddedAt).Select(m => new SheetRow(
            [m.Name, m.Organisation, SectorNames.In(m.Sector, T("et", "en")), m.RoleIn(T("et", "en")), m.Email, m.Phone, NetworkWords.Of(m.Status, T("et", "en"))])));
        return [new(T("Liikmed", "Members"),
            [T("Nimi", "Name"), T("Organisatsioon", "Organisation"), T("Valdkond", "Sector"), T("Roll", "Role"), T("E-post", "Email"), T("Telefon", "Phone"), T("Staatus", "Status")],
            rows)];
    }

    private async Task<List<SheetSection>> AgreementsAsync(Network network, Func<string, string, string> T, CancellationToken ct)
    {
        var agreements = await db.Set<GroupAgreement>().AsNoTracking().Where(a => a.NetworkId == network.Id).OrderBy(a => a.Position).ToListAsync(ct);
        // Someone who has not accepted yet is marked: the coordinator sees the silence before the roles step closes.
        var acceptance = network.Members.Where(m => m.IsActive || m.AgreementsAcceptedAt is not null).OrderBy(m => m.AddedAt)
            .Select(m => new SheetRow([m.Name, m.AgreementsAcceptedAt is { } at ? Local(at) : T("ei ole veel", "not yet")], Flagged: m.AgreementsAcceptedAt is null))
            .ToList();
        return
        [
            new(T("Kokkulepped", "Agreements"), [T("Nr", "No."), T("Kokkulepe", "Agreement")],
                agreements.Select((a, i) => new SheetRow([i + 1, a.Text])).ToList()),
            new(T("Kes on nõustunud", "Who has accepted"), [T("Liige", "Member"), T("Nõustus", "Accepted")], acceptance),
        ];
    }

    private async Task<List<SheetSection>> PlanAsync(Network network, Func<string, string, string> T, CancellationToken ct)
    {
        var goal = await db.Set<Goal>().AsNoTracking().Where(g => g.NetworkId == network.Id && g.Status == GoalStatus.Approved)
            .OrderByDescending(g => g.Draft).FirstOrDefaultAsync(ct);
        List<SheetRow> goalRows = goal is null
            ? [new([T("Eesmärk", "Goal"), T("Kinnitatud eesmärki veel ei ole.", "No goal has been approved yet.")])]
            :
            [
                new([T("Probleem", "Problem"), goal.Problem]),
                new([T("Spetsiifiline", "Specific"), goal.Specific]),
                new([T("Mõõdetav", "Measurable"), goal.Measurable]),
                new([T("Ambitsioonikas", "Ambitious"), goal.Ambitious]),
                new([T("Realistlik", "Realistic"), goal.Realistic]),
                new([T("Tähtajaga", "Time-bound"), goal.TimeBound]),
                new([T("Kinnitatud", "Approved"), goal.DecidedAt is { } decided
                    ? $"{SheetText.Format(Local(decided), T("et", "en"))} ({T("poolt", "for")} {goal.VotesFor}, {T("vastu", "against")} {goal.VotesAgainst})"
                    : $"{T("poolt", "for")} {goal.VotesFor}, {T("vastu", "against")} {goal.VotesAgainst}"]),
            ];

        var today = DateOnly.FromDateTime(Local(time.GetUtcNow()));
        var actions = await db.Set<ActionItem>().AsNoTracking().Include(a => a.Progress).Where(a => a.NetworkId == network.Id).ToListAsync(ct);
        var actionRows = actions.OrderBy(a => a.DueOn).ThenBy(a => a.What).Select(a => new SheetRow(
        [
            a.What, a.OwnerName, a.DueOn, NetworkWords.Of(a.Status, T("et", "en")),
            a.Progress.Where(p => !string.IsNullOrWhiteSpace(p.Note)).OrderBy(p => p.At).LastOrDefault()?.Note,
            a.Needs, a.IsOverdue(today) ? T("jah", "yes") : null,
        ], Flagged: a.IsOverdue(today))).ToList();
        return
        [
            new(T("Eesmärk", "Goal"), [T("Osa", "Part"), T("Sisu", "Content")], goalRows),
            new(T("Tegevused", "Actions"),
                [T("Tegevus", "Action"), T("Vastutaja", "Owner"), T("Tähtaeg", "Due"), T("Seis", "Status"), T("Viimane teade", "Last progress note"),
                 T("Vajab", "Needs"), T("Üle tähtaja", "Overdue")],
                actionRows),
        ];
    }

    private async Task<List<SheetSection>> MeetingsAsync(Network network, Func<string, string, string> T, CancellationToken ct)
    {
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.NetworkId == network.Id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var attendees = await MeetingAttendees.OfAsync(db, network, meetings, ct);
        return
        [
            new(T("Kohtumised", "Meetings"),
                [T("Algus", "Starts"), T("Lõpp", "Ends"), T("Kohtumine", "Meeting"), T("Koht", "Place"), T("Päevakord", "Agenda"), T("Memo", "Memo"),
                    T("Tulevad", "Coming")],
                meetings.Select(m => new SheetRow(
                [
                    Local(m.StartsAt), Local(m.EndsAt), m.Title,
                    string.Join(" · ", new[] { m.Place, m.OnlineLink }.Where(p => p is not null)),
                    m.Agenda, m.Memo, AttendanceText.Of(attendees[m.Id], T("et", "en")),
                ])).ToList()),
        ];
    }

    /// <summary>One row per member who answered, grouped by sector, with who is still silent flagged below.</summary>
    private async Task<List<SheetSection>> InformationAsync(Network network, Func<string, string, string> T, CancellationToken ct)
    {
        var contributions = await db.Set<Contribution>().AsNoTracking().Where(c => c.NetworkId == network.Id).ToListAsync(ct);
        return
        [
            new(T("Mida valdkonnad teavad ja pakuvad", "What the fields know and offer"),
                [T("Valdkond", "Sector"), T("Liige", "Member"), T("Mida teame olukorrast", "What we know about the situation"),
                 T("Mida saame pakkuda", "What we can offer"), T("Antud", "Given")],
                contributions.OrderBy(c => c.Sector).ThenBy(c => c.GivenAt).Select(c => new SheetRow(
                    [SectorNames.In(c.Sector, T("et", "en")), c.RespondentName, c.Knows, c.Offers, Local(c.GivenAt)])).ToList()),
        ];
    }

    /// <summary>
    /// Each review, newest first: its functions weakest first with the previous review's average beside them, then
    /// what the parties expect, by sector and without names (as the feedback's comments).
    /// </summary>
    private async Task<List<SheetSection>> ReviewsAsync(Network network, Func<string, string, string> T, CancellationToken ct)
    {
        var reviews = await Reviews.NetworkReviews.WithAnswersAsync(db, network.Id, ct);
        if (reviews.Count == 0)
            return [new(T("Ülevaated", "Reviews"), [T("Ülevaade", "Review")], [new([T("Võrgustiku ülevaadet pole veel tehtud.", "The network has not been reviewed yet.")])])];
        var sections = new List<SheetSection>();
        for (var i = reviews.Count - 1; i >= 0; i--)
        {
            var (review, answers) = reviews[i];
            var summary = ReviewSummary.Of(answers, i == 0 ? null : reviews[i - 1].Answers);
            var when = $"{SheetText.Format(Local(review.StartedAt), T("et", "en"))}{(review.ClosedAt is { } closed ? $" – {SheetText.Format(Local(closed), T("et", "en"))}" : $", {T("käimas", "open")}")}";
            sections.Add(new(T($"Ülevaade nr {review.Number} ({when}; vastajaid {answers.Count})", $"Review no. {review.Number} ({when}; {answers.Count} answered)"),
                [T("Võrgustiku külg", "Function"), T("Keskmine (1–5)", "Average (1–5)"), T("Hinnanguid", "Ratings"), T("Eelmine ülevaade", "Previous review"), T("Muutus", "Change")],
                summary.Select((s, rank) => new SheetRow([s.Function.Name(T("et", "en")), s.Average, s.Ratings, s.PreviousAverage, s.Change],
                    Flagged: rank == 0 && s.Average is not null)).ToList()));
            sections.Add(new(T($"Ootused (ülevaade nr {review.Number})", $"Expectations (review no. {review.Number})"),
                [T("Valdkond", "Sector"), T("Ootus", "Expectation")],
                answers.Where(a => !string.IsNullOrWhiteSpace(a.Expectations)).OrderBy(a => a.Sector)
                    .Select(a => new SheetRow([SectorNames.In(a.Sector, T("et", "en")), a.Expectations!.Trim()])).ToList()));
        }
        return sections;
    }

    /// <summary>
    /// Scores as counts and averages; resources and comments without names, since the summary is printed and passed
    /// round, and people write more freely when a remark is not read back under their name.
    /// </summary>
    private async Task<List<SheetSection>> FeedbackAsync(Network network, Func<string, string, string> T, CancellationToken ct)
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
            new(T("Kokku", "In total"), [T("Tagasiside andjaid", "People who gave feedback")], [new([feedback.Count])]),
            new(T("Hinnangud (1 – üldse mitte, 5 – väga hästi)", "Scores (1 – not at all, 5 – very well)"),
                [T("Küsimus", "Question"), T("Vastajaid", "Answers"), T("Keskmine", "Average"), "1", "2", "3", "4", "5"],
                [
                    Score(T("Eesmärk saavutati", "The goal was reached"), f => f.GoalReached),
                    Score(T("Koostöö kvaliteet", "Quality of cooperation"), f => f.CooperationQuality),
                    Score(T("Rahulolu", "Satisfaction"), f => f.Satisfaction),
                ]),
            new(T("Kasutatud ressursid", "Resources used"), [T("Ressursid", "Resources")],
                feedback.Where(f => !string.IsNullOrWhiteSpace(f.ResourcesUsed)).Select(f => new SheetRow([f.ResourcesUsed!.Trim()])).ToList()),
            new(T("Kommentaarid", "Comments"), [T("Kommentaar", "Comment")],
                feedback.Where(f => !string.IsNullOrWhiteSpace(f.Comment)).Select(f => new SheetRow([f.Comment!.Trim()])).ToList()),
        ];
    }

    private static DateTime Local(DateTimeOffset moment) => NetworkTime.Local(moment).DateTime;
}
