using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Networks;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Networks;

/// <summary>
/// The people an instance's mail can reach. A network's instance reads its coordinator and active members from
/// the network tables at the moment of sending, so a member added or removed mid-cycle is counted right; an
/// instance without a network (a sample, a test) keeps them in its variables <c>coordinator</c> and <c>members</c>.
/// Both come out in the variables' shape, so one resolver serves both.
/// </summary>
public static class NetworkPeople
{
    public static async Task<Network?> NetworkOfAsync(ActivityContext context) =>
        await context.NetworkDb().Networks.Include(n => n.Members)
            .FirstOrDefaultAsync(n => n.WorkflowInstanceId == context.Instance.Id);

    public static async Task<JsonObject> ForAsync(ActivityContext context) =>
        await NetworkOfAsync(context) is { } network ? Of(network) : context.Variables;

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
