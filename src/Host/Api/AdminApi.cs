namespace Koostoo.Host.Api;

/// <summary>
/// The admins' REST API in one route group, <c>/api/admin</c>: moving running instances to a new version, and incidents.
/// Migrations are for admins (the Admin policy); incidents for any signed-in staff user, because the service lets a
/// coordinator see and handle her own network's incident (through NetworkAccess) and nobody else's.
/// </summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin");
        admin.MapMigrationEndpoints();
        admin.MapIncidentEndpoints();
        return admin;
    }

    /// <summary>The problems every admin endpoint may answer with, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithAdminProblems(this RouteHandlerBuilder endpoint, params int[] more)
    {
        endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var status in more) endpoint.ProducesProblem(status);
        return endpoint;
    }
}
