using Koostoo.Language;
using Koostoo.Host.Accounts;
using Koostoo.Service.Access;
using Koostoo.Service.Reviews;

namespace Koostoo.Host.Api;

/// <summary>Reviews of how a network works (docs/coordinator.md, "Reviewing the network").</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/networks/{id:guid}/reviews").WithTags("Networks")
            .Audit(Koostoo.Service.Accounts.AuditAction.NetworkViewed, Koostoo.Service.Accounts.AuditAction.NetworkChanged);

        reviews.MapPost("/", async (Guid id, string? lang, NetworkReviews service, Actor actor, CancellationToken ct) =>
        {
            var review = await service.StartAsync(actor, id, Languages.Or(lang), ct);
            return Results.Created($"/api/networks/{id}/reviews", review);
        }).WithSummary("Start a review of the network: every active member is asked to rate its functions 1–5 and say what they expect. 409 while another review is open or once the network has ended.");

        reviews.MapGet("/", (Guid id, string? lang, NetworkReviews service, Actor actor, CancellationToken ct) => service.ListAsync(actor, id, Languages.Or(lang), ct))
            .WithSummary("The network's reviews, newest first: the functions weakest first, each with the previous review's average, and what the parties expect (?lang=en in English, ?lang=ru in Russian).");
    }
}
