using Koostoo.Service.Access;
using Koostoo.Service.Versions;

namespace Koostoo.Host.Api;

/// <summary>Moving running instances of a definition to another published version: what runs where, the dry run, the migration.</summary>
public static class MigrationEndpoints
{
    public static void MapMigrationEndpoints(this RouteGroupBuilder admin)
    {
        var migrations = admin.MapGroup("/migrations").WithTags("Versions").RequireAuthorization(Accounts.AccountsSetup.AdminPolicy);

        migrations.MapGet("/{definitionId}", (string definitionId, InstanceMigrations service, Actor actor, CancellationToken ct) =>
                service.CandidatesAsync(actor, definitionId, ct))
            .WithName("GetMigrationCandidates")
            .WithSummary("A definition's versions with how many instances run or stopped faulted on each, and those instances with their networks.")
            .Produces<MigrationCandidates>().WithAdminProblems();

        migrations.MapPost("/{definitionId}/dry-run", (string definitionId, MigrationChoice choice, InstanceMigrations service, Actor actor, CancellationToken ct) =>
                service.DryRunAsync(actor, definitionId, choice, ct))
            .WithName("DryRunMigration")
            .WithSummary("What moving the chosen instances (all of fromVersion, or instanceIds, or networkIds) to toVersion would do, instance by instance: " +
                         "where each step in flight goes (same id, or by hand through mapping), what waits now and after, timers added and removed, " +
                         "which members' links stay valid, the variables the new version lacks. Nothing is changed.")
            .Produces<MigrationReport>().WithAdminProblems(StatusCodes.Status400BadRequest);

        migrations.MapPost("/{definitionId}", (string definitionId, MigrationChoice choice, InstanceMigrations service, Actor actor, CancellationToken ct) =>
                service.MigrateAsync(actor, definitionId, choice, ct))
            .WithName("MigrateInstances")
            .WithSummary("Move the chosen instances to toVersion, each in its own transaction: Migrated, or Blocked with the reason and left as it was, " +
                         "or AlreadyMoved when someone else moved it first. The journal and the network's history say who moved it.")
            .Produces<MigrationReport>().WithAdminProblems(StatusCodes.Status400BadRequest);
    }
}
