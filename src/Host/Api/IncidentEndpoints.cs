using Koostoo.Service.Access;
using Koostoo.Service.Incidents;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Host.Api;

/// <summary>Faulted workflow instances and the three ways on: run the faulted step again, continue with a chosen outcome, cancel.</summary>
public static class IncidentEndpoints
{
    public sealed record ContinueRequest(string? Outcome);

    /// <summary>Where the instance stands after an action; the incident again when it is still faulted.</summary>
    public sealed record IncidentActionResult(Guid InstanceId, InstanceStatus Status, IncidentView? Incident);

    public static void MapIncidentEndpoints(this RouteGroupBuilder admin)
    {
        var incidents = admin.MapGroup("/incidents").WithTags("Incidents");

        incidents.MapGet("/", (IncidentHandling service, Actor actor, CancellationToken ct) => service.ListAsync(actor, ct))
            .WithName("ListIncidents")
            .WithSummary("Faulted workflow instances, newest first: the network, the step, the error, when; the outcomes it may continue with.")
            .Produces<IReadOnlyList<IncidentView>>().WithAdminProblems();

        incidents.MapGet("/{instanceId:guid}", (Guid instanceId, IncidentHandling service, Actor actor, CancellationToken ct) =>
                service.GetAsync(actor, instanceId, ct))
            .WithName("GetIncident").WithSummary("One faulted instance.")
            .Produces<IncidentView>().WithAdminProblems();

        incidents.MapPost("/{instanceId:guid}/retry", async (Guid instanceId, IncidentHandling service, Actor actor, CancellationToken ct) =>
                await ResultAsync(service, actor, instanceId, await service.RetryAsync(actor, instanceId, ct), ct))
            .WithName("RetryIncident")
            .WithSummary("Run the faulted step again on the version the instance is on (after fixing the definition, move the instance to the fixed " +
                         "version first). The answer says whether it ran on or stopped again.")
            .Produces<IncidentActionResult>().WithAdminProblems(StatusCodes.Status409Conflict);

        incidents.MapPost("/{instanceId:guid}/continue", async (Guid instanceId, ContinueRequest request, IncidentHandling service, Actor actor, CancellationToken ct) =>
                await ResultAsync(service, actor, instanceId, await service.ContinueAsync(actor, instanceId, request.Outcome, ct), ct))
            .WithName("ContinueIncident")
            .WithSummary("Complete the faulted step with an outcome of it ({ \"outcome\": \"Done\" }) and let the workflow go on from there.")
            .Produces<IncidentActionResult>().WithAdminProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        incidents.MapPost("/{instanceId:guid}/cancel", async (Guid instanceId, IncidentHandling service, Actor actor, CancellationToken ct) =>
            {
                await service.CancelAsync(actor, instanceId, ct);
                return new IncidentActionResult(instanceId, InstanceStatus.Cancelled, null);
            })
            .WithName("CancelIncident")
            .WithSummary("Cancel the network (its open steps close, links say so) or, for an instance without a network, the instance.")
            .Produces<IncidentActionResult>().WithAdminProblems(StatusCodes.Status409Conflict);
    }

    private static async Task<IncidentActionResult> ResultAsync(IncidentHandling service, Actor actor, Guid instanceId, InstanceStatus status, CancellationToken ct) =>
        new(instanceId, status, status == InstanceStatus.Faulted ? await service.GetAsync(actor, instanceId, ct) : null);
}
