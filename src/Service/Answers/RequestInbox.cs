using System.Text.Json.Nodes;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Answers;

/// <summary>
/// The one way in for a member's answer, whatever the channel: what a link leads to, and recording the answer.
/// Looking never changes anything (mail scanners open links); an answer resumes exactly the bookmark the form was
/// shown for, so a replayed post changes nothing.
/// </summary>
public sealed class RequestInbox(KoostooDbContext db, WorkflowRuntime runtime, Telemetry.ServiceMetrics metrics)
{
    public async Task<(LinkState State, StepRequest? Request)> FindAsync(string? token, CancellationToken ct = default)
    {
        if (!RequestLink.LooksLikeToken(token)) return (LinkState.Unknown, null);
        return StateOf(await ByLink.For(db)(db, RequestLink.Hash(token!), ct));
    }

    /// <summary>A request found another way than by its link (a reply's address), and whether it still takes an answer.</summary>
    public async Task<(LinkState State, StepRequest? Request)> FindAsync(Guid requestId, CancellationToken ct = default) =>
        StateOf(await ById.For(db)(db, requestId, ct));

    private sealed record Found(StepRequest Request, bool Waiting);

    // Every form GET and every answer asks this, in one statement: the request, and whether its bookmark still waits.
    // Compiled, it skips EF Core's per-call look-up of the query's translation (docs/scale.md).
    private static readonly CompiledPerModel<Func<KoostooDbContext, byte[], CancellationToken, Task<Found?>>> ByLink = new(() => EF.CompileAsyncQuery(
        (KoostooDbContext db, byte[] hash, CancellationToken _) => db.Set<RequestLink>().Where(l => l.TokenHash == hash)
            .Join(db.Set<StepRequest>(), l => l.RequestId, r => r.Id, (l, r) => r).AsNoTracking()
            .Select(r => new Found(r, db.Bookmarks.Any(b => b.Id == r.BookmarkId && b.ConsumedAt == null))).FirstOrDefault()));

    private static readonly CompiledPerModel<Func<KoostooDbContext, Guid, CancellationToken, Task<Found?>>> ById = new(() => EF.CompileAsyncQuery(
        (KoostooDbContext db, Guid requestId, CancellationToken _) => db.Set<StepRequest>().Where(r => r.Id == requestId).AsNoTracking()
            .Select(r => new Found(r, db.Bookmarks.Any(b => b.Id == r.BookmarkId && b.ConsumedAt == null))).FirstOrDefault()));

    private static (LinkState State, StepRequest? Request) StateOf(Found? found)
    {
        if (found is null) return (LinkState.Unknown, null);
        if (found.Request.HandedOverAt is not null) return (LinkState.HandedOver, found.Request);
        return (found.Request.IsOpen && found.Waiting ? LinkState.Open : LinkState.Closed, found.Request);
    }

    /// <param name="formBookmark">The bookmark the form was shown for (or the reply was written to): an answer to an earlier state is stale.</param>
    /// <param name="alongside">Saved in the answer's own transaction, only when the answer is: what the channel must remember (a reply's receipt).</param>
    public async Task<SubmitResult> SubmitAsync(StepRequest request, Guid formBookmark, JsonObject answer, AnswerChannel channel,
        Action<KoostooDbContext>? alongside = null, CancellationToken ct = default)
    {
        if (formBookmark != request.BookmarkId) return SubmitResult.Stale;
        var result = await runtime.ResumeAsync(formBookmark, new JsonObject { ["answer"] = answer, ["channel"] = channel.ToString() },
            alongside is null ? null : (transaction, _) =>
            {
                alongside((KoostooDbContext)transaction);
                return Task.CompletedTask;
            }, ct);
        var submitted = result.Status switch
        {
            ResumeStatus.Resumed => SubmitResult.Saved,
            ResumeStatus.AlreadyResumed => SubmitResult.Stale,
            _ => SubmitResult.Closed,
        };
        metrics.Answered(channel, submitted);
        return submitted;
    }
}
