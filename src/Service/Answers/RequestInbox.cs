using System.Text.Json.Nodes;
using Koostoo.Service.Persistence;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Answers;

public enum LinkState
{
    /// <summary>No such link: mistyped, guessed or from another service.</summary>
    Unknown,
    /// <summary>The step has closed (quorum, deadline, coordinator) or the network ended.</summary>
    Closed,
    Open,
}

public enum SubmitResult
{
    Saved,
    /// <summary>The form was for an earlier state: the same answer posted twice, or a form from another request.</summary>
    Stale,
    Closed,
}

/// <summary>
/// What a member's link leads to, and recording their answer. Looking never changes anything (mail scanners open
/// links); an answer resumes exactly the bookmark the form was shown for, so a replayed post changes nothing.
/// </summary>
public sealed class RequestInbox(KoostooDbContext db, WorkflowRuntime runtime)
{
    public async Task<(LinkState State, StepRequest? Request)> FindAsync(string? token, CancellationToken ct = default)
    {
        if (!RequestLink.LooksLikeToken(token)) return (LinkState.Unknown, null);
        var hash = RequestLink.Hash(token!);
        var link = await db.Set<RequestLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null) return (LinkState.Unknown, null);
        var request = await db.Set<StepRequest>().AsNoTracking().FirstAsync(r => r.Id == link.RequestId, ct);
        var waiting = request.IsOpen && await db.Bookmarks.AnyAsync(b => b.Id == request.BookmarkId && b.ConsumedAt == null, ct);
        return (waiting ? LinkState.Open : LinkState.Closed, request);
    }

    public async Task<SubmitResult> SubmitAsync(StepRequest request, Guid formBookmark, JsonObject answer, CancellationToken ct = default)
    {
        if (formBookmark != request.BookmarkId) return SubmitResult.Stale;
        var result = await runtime.ResumeAsync(formBookmark, new JsonObject { ["answer"] = answer }, ct);
        return result.Status switch
        {
            ResumeStatus.Resumed => SubmitResult.Saved,
            ResumeStatus.AlreadyResumed => SubmitResult.Stale,
            _ => SubmitResult.Closed,
        };
    }
}
