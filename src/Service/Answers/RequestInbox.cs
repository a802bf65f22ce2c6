using System.Text.Json.Nodes;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
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
        var hash = RequestLink.Hash(token!);
        var link = await db.Set<RequestLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null) return (LinkState.Unknown, null);
        return await FindAsync(link.RequestId, ct);
    }

    /// <summary>A request found another way than by its link (a reply's address), and whether it still takes an answer.</summary>
    public async Task<(LinkState State, StepRequest? Request)> FindAsync(Guid requestId, CancellationToken ct = default)
    {
        var request = await db.Set<StepRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return (LinkState.Unknown, null);
        if (request.HandedOverAt is not null) return (LinkState.HandedOver, request);
        var waiting = request.IsOpen && await db.Bookmarks.AnyAsync(b => b.Id == request.BookmarkId && b.ConsumedAt == null, ct);
        return (waiting ? LinkState.Open : LinkState.Closed, request);
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
