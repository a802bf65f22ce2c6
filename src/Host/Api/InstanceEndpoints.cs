using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Service.Networks;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Api;

public static class InstanceEndpoints
{
    public sealed record StartRequest(string DefinitionId, JsonObject? Input);

    public sealed record BookmarkView(Guid Id, string ActivityId, BookmarkKind Kind, string? Key, DateTimeOffset? DueAt);

    public sealed record InstanceView(
        Guid Id, string DefinitionId, int DefinitionVersion, InstanceStatus Status, string? Result, string? CurrentStage,
        string? Fault, string? FaultedActivityId, JsonObject Variables, IReadOnlyList<BookmarkView> Waiting,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);


    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        // The engine's instances whole (variables, input): admins only; coordinators read their networks through /api/networks.
        var instances = app.MapGroup("/api/workflow-instances").WithTags("Instances").RequireAuthorization(Accounts.AccountsSetup.AdminPolicy);

        instances.MapPost("/", async (StartRequest request, WorkflowRuntime runtime, WorkflowDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.DefinitionId))
                return Results.Problem(statusCode: 400, title: Words.Current["Problems.Title.BadRequest"], detail: Words.Current["Problems.DefinitionIdRequired"]);
            var instance = await runtime.StartAsync(request.DefinitionId, request.Input, ct: ct);
            return Results.Created($"/api/workflow-instances/{instance.Id}", await ViewAsync(db, instance.Id, ct));
        }).WithMetadata(Security.BodyLimits.Of(Security.BodyLimits.Launch)).WithSummary("Start an instance of the latest published version of a definition.");

        instances.MapGet("/{id:guid}", async (Guid id, WorkflowDbContext db, CancellationToken ct) => await ViewAsync(db, id, ct))
            .WithSummary("An instance: status, stage, variables, what it waits for.");

        instances.MapGet("/{id:guid}/journal", async (Guid id, WorkflowDbContext db, CancellationToken ct) =>
        {
            if (!await db.Instances.AnyAsync(i => i.Id == id, ct)) throw new NotFoundException(Words.Current["Problems.ThereIsNoWorkflowInstance", id]);
            return await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id)
                .Select(j => new JournalView(j.At, j.Event, j.ActivityId, j.ActivityType, j.Outcome, j.Message))
                .ToListAsync(ct);
        }).WithSummary("The instance's execution log, oldest first.");

        instances.MapPost("/{id:guid}/signals/{name}", async (Guid id, string name, HttpRequest request, WorkflowRuntime runtime, WorkflowDbContext db, CancellationToken ct) =>
        {
            // Checked before the signal is delivered: a payload that is not JSON must not consume the step.
            var (payload, problem) = await OptionalJsonBody.ReadAsync(request, Words.Current["Problems.TheSignalsPayload"], ct);
            if (problem is not null) return problem;
            var result = await runtime.SignalAsync(id, name, payload, ct);
            return result.Status switch
            {
                ResumeStatus.Resumed => Results.Ok(await ViewAsync(db, id, ct)),
                ResumeStatus.InstanceNotActive => Results.Problem(statusCode: 409, title: Words.Current["Problems.Title.Conflict"],
                    detail: Words.Current["Problems.InstanceTakesNoSignals", id, result.Instance!.Status.ToString().ToLowerInvariant()]),
                _ => Results.Problem(statusCode: 409, title: Words.Current["Problems.Title.Conflict"], detail: Words.Current["Problems.SignalDelivered", name]),
            };
        }).Accepts<JsonNode>("application/json").WithSummary("Deliver a named signal, with an optional JSON payload.");

        instances.MapPost("/{id:guid}/cancel", async (Guid id, WorkflowRuntime runtime, WorkflowDbContext db, CancellationToken ct) =>
        {
            await runtime.CancelAsync(id, "Cancelled through the API", ct: ct);
            return await ViewAsync(db, id, ct);
        }).WithSummary("Cancel the instance; what it waited for is removed.");
    }

    private static async Task<InstanceView> ViewAsync(WorkflowDbContext db, Guid id, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(Words.Current["Problems.ThereIsNoWorkflowInstance", id]);
        var waiting = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id && b.ConsumedAt == null)
            .Select(b => new BookmarkView(b.Id, b.ActivityId, b.Kind, b.Key, b.DueAt)).ToListAsync(ct);
        return new InstanceView(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.Result,
            instance.CurrentStage, instance.Fault, instance.FaultedActivityId, InstanceState.Read(instance.State).Variables,
            waiting.OrderBy(b => b.DueAt).ToList(), instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);
    }
}
