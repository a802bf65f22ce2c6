using Koostoo.Workflows.Runtime;

namespace Koostoo.Activities.Networks;

public static class NetworkDatabase
{
    /// <summary>
    /// The activity's transaction as the network's database. The engine knows only its own tables; a network's step
    /// needs the network's too, so an instance run over a context without them is a wiring mistake, said at once.
    /// </summary>
    public static NetworkDbContext NetworkDb(this ActivityContext context) =>
        context.Db as NetworkDbContext ?? throw new InvalidOperationException(
            $"{context.Activity.Type} needs the network's tables, but this instance runs over {context.Db.GetType().Name}, "
            + $"which is no {nameof(NetworkDbContext)}: register one (or a context derived from it) as the {nameof(Workflows.Persistence.WorkflowDbContext)}.");
}
