using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.Agreements;
using Koostoo.Networks.History;
using Koostoo.Networks.Launch;
using Koostoo.Service.Access;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Service.Networks;

/// <summary>
/// Creates a network with its members and starts its workflow, all in one transaction: the first step (the
/// invitations) is written with the network, or nothing is.
/// </summary>
public sealed class NetworkLauncher(WorkflowRuntime runtime, TimeProvider time, Microsoft.Extensions.Options.IOptions<PublicLinks> links)
{
    public async Task<Network> LaunchAsync(Actor actor, LaunchRequest request, CancellationToken ct = default)
    {
        if (!actor.IsAdmin && !(actor.Kind == ActorKind.Staff && actor.Roles.Contains(StaffRoles.Coordinator)))
            throw new ForbiddenException(Words.Current["Problems.OnlyACoordinatorLaunchesANetwork"]);
        var check = LaunchCheck.Run(request);
        if (!check.IsValid) throw new LaunchRejectedException(check);

        var now = time.GetUtcNow();
        var network = new Network
        {
            Name = request.Name.Trim(),
            Purpose = request.Purpose.Trim(),
            Type = request.Type,
            Level = request.Level,
            TargetGroup = Clean(request.TargetGroup),
            LeadOrganisation = Clean(request.LeadOrganisation),
            StrategyReference = Clean(request.StrategyReference),
            CoordinatorName = request.CoordinatorName.Trim(),
            CoordinatorEmail = request.CoordinatorEmail.Trim(),
            Language = Languages.Or(request.Language),
            Confidential = request.Confidential,
            WorkflowDefinitionId = request.DefinitionId,
            CreatedAt = now,
            Members = request.Members.Select(m => m.ToMember(now)).ToList(),
        };
        var agreements = (request.Agreements ?? DefaultAgreements.In(network.Language))
            .Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var input = new JsonObject
        {
            ["networkId"] = network.Id.ToString(),
            ["networkName"] = network.Name,
            ["purpose"] = network.Purpose,
            ["networkLink"] = links.Value.Network(network.Id),
            ["agreements"] = new JsonArray(agreements.Select(a => (JsonNode)a).ToArray()),
        };
        await runtime.StartAsync(request.DefinitionId, input, (db, instance) =>
        {
            network.WorkflowInstanceId = instance.Id;
            db.Add(network);
            db.AddRange(agreements.Select((text, i) => new GroupAgreement { NetworkId = network.Id, Position = i + 1, Text = text }));
            NetworkHistory.Add(db, network.Id, now, HistoryKind.NetworkLaunched, actor.ForHistory(), new() { ["invited"] = network.Members.Count });
            return Task.CompletedTask;
        }, ct);
        return network;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
