using Koostoo.Service.Access;
using Koostoo.Service.Accounts;

namespace Koostoo.Host.Accounts;

/// <summary>
/// Co-coordinators over the API: <c>GET/POST /api/networks/{id}/access</c> and <c>DELETE …/access/{email}</c>; an admin
/// gives or withdraws a staff user's access to a network, and who may read the network sees who has it.
/// </summary>
public static class AccountEndpoints
{
    public sealed record AccessGrant(string Email);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var access = app.MapGroup("/api/networks/{id:guid}/access").WithTags("Networks");
        access.MapGet("/", async (Guid id, NetworkAccess networks, NetworkGrants grants, Actor actor, CancellationToken ct) =>
        {
            await networks.ReadAsync(actor, id, NetworkPermission.Read, ct: ct);
            return Results.Ok(new { networkId = id, coCoordinators = await grants.ForNetworkAsync(id, ct) });
        }).WithSummary("Who besides the coordinator was given access to the network.");
        access.MapPost("/", async (Guid id, AccessGrant grant, NetworkGrants grants, Actor actor, CancellationToken ct) =>
        {
            await grants.GrantAsync(actor, id, grant.Email ?? "", ct);
            return Results.Ok(new { networkId = id, coCoordinators = await grants.ForNetworkAsync(id, ct) });
        }).RequireAuthorization(AccountsSetup.AdminPolicy).WithSummary("An admin gives a staff user access to the network (a co-coordinator).");
        access.MapDelete("/{email}", async (Guid id, string email, NetworkGrants grants, Actor actor, CancellationToken ct) =>
        {
            await grants.WithdrawAsync(actor, id, email, ct);
            return Results.NoContent();
        }).RequireAuthorization(AccountsSetup.AdminPolicy).WithSummary("An admin withdraws a staff user's access to the network.");
    }
}
