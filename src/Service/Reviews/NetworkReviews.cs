using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Members;
using Koostoo.Networks.Requests;
using Koostoo.Networks.Reviews;
using Koostoo.Service.Access;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Reviews;

/// <summary>A function as one review found it, with the previous review's average beside it.</summary>
public sealed record FunctionView(string Function, string Name, decimal? Average, int Ratings, decimal? PreviousAverage, decimal? Change);

/// <summary>What one party expects of the network: the sector is named, the person is not (docs/coordinator.md, "Reviewing the network").</summary>
public sealed record ExpectationView(Sector Sector, string SectorName, string Text);

/// <summary>One review: who started it and when, how many answered, the functions weakest first, what the parties expect.</summary>
public sealed record ReviewView(
    Guid Id, int Number, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? ClosedAt, bool Open, int Asked, int Answered,
    IReadOnlyList<FunctionView> Functions, IReadOnlyList<ExpectationView> Expectations);

/// <summary>
/// Reviews of how a network works (docs/coordinator.md, "Reviewing the network"): the coordinator starts one at any
/// stage and the network's members are asked, by the <see cref="NetworkReview.DefinitionId"/> workflow beside the network's own;
/// one at a time, so the answers of two never mix. Read back newest first, each compared with the one before it.
/// </summary>
public sealed class NetworkReviews(KoostooDbContext db, NetworkAccess access, WorkflowRuntime runtime, TimeProvider time, IOptions<PublicLinks> links)
{
    private static string OpenAlready => Words.Current["Reviews.NetworkReviews.AReviewIsAlreadyOpenA"];

    public async Task<ReviewView> StartAsync(Actor actor, Guid networkId, string language = "et", CancellationToken ct = default)
    {
        var network = await access.ReadAsync(actor, networkId, NetworkPermission.Coordinate, ct: ct);
        if (network.Status != NetworkStatus.Active)
            throw new ConflictException(Words.Current["Reviews.NetworkEnded", NetworkWords.Of(network.Status, Words.Current.Language)]);
        if (await db.Reviews.AnyAsync(r => r.NetworkId == networkId && r.ClosedAt == null, ct))
            throw new ConflictException(OpenAlready);
        var asked = network.Members.Count(m => m.IsActive);
        if (asked == 0)
            throw new ConflictException(Words.Current["Reviews.NetworkReviews.TheNetworkHasNoActiveMembers"]);

        var number = await db.Reviews.Where(r => r.NetworkId == networkId).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        var now = time.GetUtcNow();
        // A staff user without a name (one calling by API key) is named by their address, as the audit log names them.
        var startedBy = string.IsNullOrWhiteSpace(actor.Name) ? actor.Email ?? "" : actor.Name;
        var review = new NetworkReview { NetworkId = networkId, Number = number, StartedBy = startedBy, StartedAt = now };
        var input = new JsonObject
        {
            ["networkId"] = networkId.ToString(),
            ["networkName"] = network.Name,
            ["networkLink"] = links.Value.Network(networkId),
            ["reviewNumber"] = number,
        };
        try
        {
            await runtime.StartAsync(NetworkReview.DefinitionId, input, (transaction, instance) =>
            {
                review.WorkflowInstanceId = instance.Id;
                transaction.Add(review);
                NetworkHistory.Add(transaction, networkId, now, HistoryKind.ReviewStarted, actor.ForHistory(), new() { ["number"] = number, ["asked"] = asked });
                return Task.CompletedTask;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two starts in the same moment: the unique (network, number) lets one through; the other is told, not failed.
            if (await db.Reviews.AnyAsync(r => r.NetworkId == networkId && r.Number == number, ct)) throw new ConflictException(OpenAlready);
            throw;
        }
        return (await ViewsAsync(networkId, language, ct))[0];
    }

    /// <summary>The network's reviews, newest first.</summary>
    public async Task<IReadOnlyList<ReviewView>> ListAsync(Actor actor, Guid networkId, string language = "et", CancellationToken ct = default)
    {
        await access.ReadAsync(actor, networkId, NetworkPermission.Read, ct: ct);
        return await ViewsAsync(networkId, language, ct);
    }

    /// <summary>The network's reviews with their answers, oldest first: what the work sheet prints.</summary>
    public static async Task<List<(NetworkReview Review, List<ReviewAnswer> Answers)>> WithAnswersAsync(KoostooDbContext db, Guid networkId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.NetworkId == networkId).OrderBy(r => r.Number).ToListAsync(ct);
        var answers = await db.ReviewAnswers.AsNoTracking().Where(a => a.NetworkId == networkId).OrderBy(a => a.GivenAt).ToListAsync(ct);
        return reviews.Select(r => (r, answers.Where(a => a.ReviewId == r.Id).ToList())).ToList();
    }

    private async Task<IReadOnlyList<ReviewView>> ViewsAsync(Guid networkId, string language, CancellationToken ct)
    {
        var reviews = await WithAnswersAsync(db, networkId, ct);
        var openInstances = reviews.Where(r => r.Review.IsOpen).Select(r => r.Review.WorkflowInstanceId).ToList();
        var askedNow = (await db.Set<StepRequest>().AsNoTracking()
                .Where(r => openInstances.Contains(r.InstanceId) && r.HandedOverAt == null).Select(r => r.InstanceId).ToListAsync(ct))
            .CountBy(instanceId => instanceId).ToDictionary();
        var views = new List<ReviewView>();
        for (var i = 0; i < reviews.Count; i++)
        {
            var (review, answers) = reviews[i];
            var previous = i == 0 ? null : reviews[i - 1].Answers;
            var functions = ReviewSummary.Of(answers, previous).Select(s => new FunctionView(
                s.Function.Field, s.Function.Name(language), s.Average, s.Ratings, s.PreviousAverage, s.Change)).ToList();
            var expectations = answers.Where(a => !string.IsNullOrWhiteSpace(a.Expectations)).OrderBy(a => a.Sector)
                .Select(a => new ExpectationView(a.Sector, SectorNames.In(a.Sector, language), a.Expectations!.Trim())).ToList();
            views.Add(new ReviewView(review.Id, review.Number, review.StartedBy, review.StartedAt, review.ClosedAt, review.IsOpen,
                review.Asked ?? askedNow.GetValueOrDefault(review.WorkflowInstanceId), answers.Count, functions, expectations));
        }
        views.Reverse();
        return views;
    }
}
