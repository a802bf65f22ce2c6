using Koostoo.Host.Accounts;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;

namespace Koostoo.Host.Api;

/// <summary>The coordinator shapes a network's action plan while it is followed (docs/coordinator.md, "Shaping the plan").</summary>
public static class ActionPlanEndpoints
{
    public static void MapActionPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var actions = app.MapGroup("/api/networks/{id:guid}/actions").WithTags("Networks")
            .Audit(Koostoo.Service.Accounts.AuditAction.NetworkViewed, Koostoo.Service.Accounts.AuditAction.NetworkChanged);

        actions.MapPost("/", async (Guid id, ActionDraft draft, ActionPlan plan, Actor actor, CancellationToken ct) =>
        {
            var action = await plan.AddAsync(actor, id, draft, ct);
            return Results.Created($"/api/networks/{id}/actions/{action.Id}", action);
        }).WithSummary("Add an action to the plan being followed { what, ownerMemberId, dueOn (not before today), needs? }: its owner is mailed and checked in with before the due date. 409 before the plan stage has closed.");

        actions.MapGet("/{actionId:guid}", (Guid id, Guid actionId, ActionPlan plan, Actor actor, CancellationToken ct) => plan.GetAsync(actor, id, actionId, ct))
            .WithSummary("One action of the plan.");

        actions.MapPut("/{actionId:guid}", (Guid id, Guid actionId, ActionChange change, ActionPlan plan, Actor actor, CancellationToken ct) =>
            plan.EditAsync(actor, id, actionId, change, ct))
            .WithSummary("Change an action's words and due date { what, dueOn } (a new due date not before today): its owner is mailed, its check-in and reminder move.");

        actions.MapPost("/{actionId:guid}/reassign", (Guid id, Guid actionId, ActionReassignment reassignment, ActionPlan plan, Actor actor, CancellationToken ct) =>
            plan.ReassignAsync(actor, id, actionId, reassignment, ct))
            .WithSummary("Give an action to another member { ownerMemberId }: the new owner is mailed their link, later check-ins and reminders go to them; the old link closes.");

        actions.MapPost("/{actionId:guid}/drop", (Guid id, Guid actionId, ActionPlan plan, Actor actor, CancellationToken ct) =>
            plan.DropAsync(actor, id, actionId, ct))
            .WithSummary("Drop an action from the plan: no more check-ins or reminders; it stays in the records and the history as dropped.");
    }
}
