using Koostoo.Language;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Requests;
using Koostoo.Service.Access;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Versions;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Versions;

/// <summary>
/// An admin moves running networks to a new version of their definition (docs/versions.md): which instances run which
/// version, a dry run per instance, then the migration, each instance in its own transaction (one that cannot move is left
/// as it was, with its reason). The network's history says who moved it from which version to which.
/// </summary>
public sealed class InstanceMigrations(WorkflowDbContext db, DefinitionStore definitions, VersionMigrator migrator, TimeProvider time)
{
    private static readonly InstanceStatus[] InFlight = [InstanceStatus.Running, InstanceStatus.Suspended, InstanceStatus.Faulted];

    public async Task<MigrationCandidates> CandidatesAsync(Actor actor, string definitionId, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var summary = (await definitions.ListAsync(ct)).FirstOrDefault(d => d.Id == definitionId)
            ?? throw new NotFoundException(Words.Current["Problems.ThereIsNoWorkflowDefinition", definitionId]);
        var instances = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == definitionId && InFlight.Contains(i.Status))
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var networks = await NetworksOfAsync(instances.Select(i => i.Id), ct);
        var versions = await db.DefinitionVersions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderBy(d => d.Version).Select(d => new { d.Version, d.IsPublished, d.PublishedAt }).ToListAsync(ct);
        return new MigrationCandidates(definitionId, summary.Name,
            versions.Select(v => new VersionInFlight(v.Version, v.IsPublished, v.PublishedAt,
                instances.Count(i => i.DefinitionVersion == v.Version && i.IsActive),
                instances.Count(i => i.DefinitionVersion == v.Version && i.Status == InstanceStatus.Faulted))).ToList(),
            instances.Select(i => new InstanceInFlight(i.Id, i.DefinitionVersion, i.Status, i.CurrentStage,
                networks.GetValueOrDefault(i.Id)?.Id, networks.GetValueOrDefault(i.Id)?.Name, i.Fault, i.UpdatedAt)).ToList());
    }

    /// <summary>What the migration would do to each instance, done and rolled back: nothing changes.</summary>
    public Task<MigrationReport> DryRunAsync(Actor actor, string definitionId, MigrationChoice choice, CancellationToken ct = default) =>
        RunAsync(actor, definitionId, choice, dryRun: true, ct);

    public Task<MigrationReport> MigrateAsync(Actor actor, string definitionId, MigrationChoice choice, CancellationToken ct = default) =>
        RunAsync(actor, definitionId, choice, dryRun: false, ct);

    private async Task<MigrationReport> RunAsync(Actor actor, string definitionId, MigrationChoice choice, bool dryRun, CancellationToken ct)
    {
        RequireAdmin(actor);
        var to = await CheckAsync(definitionId, choice, ct);
        var ids = await ChosenAsync(definitionId, choice, ct);
        var networks = await NetworksOfAsync(ids, ct);
        var byHand = choice.Mapping ?? new Dictionary<string, string>();
        var views = new List<InstanceMigrationView>();
        foreach (var id in ids)
        {
            var network = networks.GetValueOrDefault(id);
            IReadOnlyList<StepLinks> links = [];
            var order = new MigrationOrder(id, definitionId, choice.FromVersion, choice.ToVersion, byHand, actor.ForJournal(), dryRun);
            var migration = await migrator.MigrateAsync(order, async (transaction, report) =>
            {
                links = await LinksAsync(transaction, id, report.WaitsAfter, ct);
                if (!dryRun && network is not null)
                    NetworkHistory.Add(transaction, network.Id, time.GetUtcNow(), HistoryKind.WorkflowMigrated, HistoryActor.Admin(actor.Name), new()
                    {
                        ["from"] = report.FromVersion,
                        ["to"] = report.ToVersion,
                        ["renamed"] = string.Join(", ", report.Steps.Where(s => s.From != s.To).Select(s => $"{s.From} → {s.To}")),
                    });
            }, ct);
            // An instance that does not move keeps every link it had; say which work now.
            if (migration.Status is MigrationStatus.Blocked) links = await LinksAsync(db, id, migration.WaitsNow, ct);
            views.Add(new InstanceMigrationView(migration, network?.Id, network?.Name, links));
        }
        return new MigrationReport(definitionId, choice.FromVersion, choice.ToVersion, dryRun, Propose(views, to), views);
    }

    /// <summary>The versions must exist (the target published), differ, and the hand mapping name activities of each.</summary>
    private async Task<WorkflowDefinition> CheckAsync(string definitionId, MigrationChoice choice, CancellationToken ct)
    {
        var versions = await db.DefinitionVersions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .Select(d => new { d.Version, d.IsPublished }).ToListAsync(ct);
        if (versions.Count == 0) throw new NotFoundException(Words.Current["Problems.ThereIsNoWorkflowDefinition", definitionId]);
        var errors = new Dictionary<string, string[]>();
        if (versions.All(v => v.Version != choice.FromVersion))
            errors["fromVersion"] = [$"'{definitionId}' has no version {choice.FromVersion}."];
        if (versions.FirstOrDefault(v => v.Version == choice.ToVersion) is not { } target)
            errors["toVersion"] = [$"'{definitionId}' has no version {choice.ToVersion}."];
        else if (!target.IsPublished)
            errors["toVersion"] = [$"Version {choice.ToVersion} of '{definitionId}' is a draft; publish it first."];
        else if (choice.ToVersion == choice.FromVersion)
            errors["toVersion"] = ["Choose a version other than the one the instances run on."];
        if (errors.Count > 0) throw new RequestRejectedException(errors);

        var from = await definitions.GetRunnableAsync(definitionId, choice.FromVersion, ct);
        var to = await definitions.GetRunnableAsync(definitionId, choice.ToVersion, ct);
        foreach (var (old, named) in choice.Mapping ?? new Dictionary<string, string>())
        {
            if (from.Activities.All(a => a.Id != old))
                errors[$"mapping.{old}"] = [$"'{old}' is not an activity of version {from.Version}."];
            else if (string.IsNullOrWhiteSpace(named) || to.Activities.All(a => a.Id != named))
                errors[$"mapping.{old}"] = [$"'{named}' is not an activity of version {to.Version}."];
        }
        if (errors.Count > 0) throw new RequestRejectedException(errors);
        return to;
    }

    /// <summary>The instances named, those of the networks named, or else every one of the old version still running or faulted.</summary>
    private async Task<List<Guid>> ChosenAsync(string definitionId, MigrationChoice choice, CancellationToken ct)
    {
        if (choice.InstanceIds is { Count: > 0 } instances)
        {
            var ids = instances.Distinct().ToList();
            var known = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
            if (ids.Except(known).ToList() is { Count: > 0 } unknownInstances)
                throw RequestRejectedException.Of("instanceIds", $"There is no workflow instance {string.Join(", ", unknownInstances)}.");
            return ids;
        }
        if (choice.NetworkIds is { Count: > 0 } networkIds)
        {
            var found = await db.Set<Network>().AsNoTracking().Where(n => networkIds.Contains(n.Id)).Select(n => new { n.Id, n.WorkflowInstanceId }).ToListAsync(ct);
            if (networkIds.Except(found.Select(n => n.Id)).ToList() is { Count: > 0 } unknown)
                throw RequestRejectedException.Of("networkIds", $"There is no network {string.Join(", ", unknown)}.");
            return found.Where(n => n.WorkflowInstanceId is not null).Select(n => n.WorkflowInstanceId!.Value).Distinct().ToList();
        }
        return await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.DefinitionVersion == choice.FromVersion && InFlight.Contains(i.Status))
            .OrderBy(i => i.CreatedAt).Select(i => i.Id).ToListAsync(ct);
    }

    private async Task<Dictionary<Guid, Network>> NetworksOfAsync(IEnumerable<Guid> instanceIds, CancellationToken ct)
    {
        var ids = instanceIds.Select(i => (Guid?)i).ToList();
        return (await db.Set<Network>().AsNoTracking().Where(n => ids.Contains(n.WorkflowInstanceId)).ToListAsync(ct))
            .ToDictionary(n => n.WorkflowInstanceId!.Value);
    }

    /// <summary>
    /// The open requests of each waiting step and their mailed links: a link finds its request, and the request the bookmark
    /// it waits on, so the links keep working exactly when that bookmark still waits.
    /// </summary>
    private static async Task<IReadOnlyList<StepLinks>> LinksAsync(WorkflowDbContext context, Guid instanceId, IReadOnlyList<WaitingStep> waits, CancellationToken ct)
    {
        var requests = await context.Set<StepRequest>().Where(r => r.InstanceId == instanceId && r.ClosedAt == null).ToListAsync(ct);
        if (requests.Count == 0) return [];
        var requestIds = requests.Select(r => r.Id).ToList();
        var links = await context.Set<RequestLink>().AsNoTracking().Where(l => requestIds.Contains(l.RequestId))
            .GroupBy(l => l.RequestId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var waiting = waits.SelectMany(w => w.Waits).Select(w => w.BookmarkId).ToHashSet();
        return requests.GroupBy(r => r.ActivityId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new StepLinks(g.Key, g.Count(),
            g.Count(r => r.Answer is not null), g.Sum(r => links.GetValueOrDefault(r.Id)), g.All(r => waiting.Contains(r.BookmarkId)))).ToList();
    }

    private static List<StepProposal> Propose(IReadOnlyList<InstanceMigrationView> views, WorkflowDefinition to) =>
        views.SelectMany(v => v.Migration.Steps).GroupBy(s => s.From).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var step = g.FirstOrDefault(s => s.Problem is not null) ?? g.First();
            return new StepProposal(step.From, step.Type, step.To, step.How, step.Problem, step.Message, g.Count(),
                to.Activities.Where(a => a.Type == step.Type).Select(a => a.Id).ToList());
        }).ToList();

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw new ForbiddenException(Words.Current["Problems.OnlyAnAdminMovesWorkflowsTo"]);
    }
}
