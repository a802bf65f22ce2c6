using System.Reflection;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Koostoo.Workflows;

public static class WorkflowEngineServices
{
    /// <summary>
    /// The engine, with the activities found in the given assemblies. The caller registers a
    /// <see cref="Persistence.WorkflowDbContext"/> (or a context derived from it).
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, params Assembly[] activityAssemblies)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ActivityRegistry(activityAssemblies));
        services.AddSingleton<DefinitionParser>();
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<DefinitionStore>();
        services.AddOptions<ResumeBatchOptions>();
        services.TryAddSingleton<WorkflowMetrics>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<Scheduling.DueTimers>();
        services.AddSingleton<Versions.VersionMigrator>();
        services.AddSingleton<Incidents.IncidentRecovery>();
        return services;
    }
}
