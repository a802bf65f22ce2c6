using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Networks.Reviews;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Networks;

/// <summary>
/// The people an instance's mail can reach: its network's coordinator and active members, read from the network tables
/// at the moment of sending, so a member added or removed mid-cycle is counted right. An instance without a network
/// reaches nobody: people written into its input or variables are not the network's, and mailing them would make the
/// service a relay (docs/security.md).
/// </summary>
public static class NetworkPeople
{
    /// <summary>The network whose workflow this instance is, or whose review it runs (the review then tracked, for <see cref="Loaded"/>).</summary>
    public static async Task<Network?> NetworkOfAsync(ActivityContext context)
    {
        var db = context.NetworkDb();
        var instanceId = context.Instance.Id;
        if (await db.Networks.Include(n => n.Members).FirstOrDefaultAsync(n => n.WorkflowInstanceId == instanceId) is { } network) return network;
        return await db.Reviews.FirstOrDefaultAsync(r => r.WorkflowInstanceId == instanceId) is { } review
            ? await db.Networks.Include(n => n.Members).FirstOrDefaultAsync(n => n.Id == review.NetworkId)
            : null;
    }

    /// <summary>The instance's network as this transaction has already loaded it (by <see cref="NetworkOfAsync"/>), if it has.</summary>
    public static Network? Loaded(ActivityContext context)
    {
        var db = context.NetworkDb();
        var instanceId = context.Instance.Id;
        return db.Tracked<Network>(n => n.WorkflowInstanceId == instanceId).FirstOrDefault()
            ?? (db.Tracked<NetworkReview>(r => r.WorkflowInstanceId == instanceId).FirstOrDefault() is { } review
                ? db.Tracked<Network>(n => n.Id == review.NetworkId).FirstOrDefault()
                : null);
    }

    /// <summary>The people in the resolver's shape; null when the instance has no network.</summary>
    public static async Task<JsonObject?> ForAsync(ActivityContext context) =>
        await NetworkOfAsync(context) is { } network ? Of(network) : null;

    /// <summary>Whether an address belongs to the network: its coordinator or one of its members, whatever their status.</summary>
    public static bool Reaches(Network network, string address) =>
        string.Equals(network.CoordinatorEmail, address, StringComparison.OrdinalIgnoreCase)
        || network.Members.Any(m => string.Equals(m.Email, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The network's coordinator as mail reaches them.</summary>
    public static Recipient CoordinatorOf(Network network) =>
        RecipientResolver.Resolve([RecipientResolver.Coordinator], Of(network)).Coordinator!;

    public static JsonObject Of(Network network) => new()
    {
        ["coordinator"] = new JsonObject
        {
            ["name"] = network.CoordinatorName,
            ["email"] = network.CoordinatorEmail,
            ["language"] = network.Language,
        },
        ["members"] = new JsonArray(network.Members.Where(m => m.IsActive).OrderBy(m => m.AddedAt).Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id.ToString(),
            ["name"] = m.Name,
            ["email"] = m.Email,
            ["language"] = m.Language,
            ["role"] = m.Role,
        }).ToArray()),
    };
}
