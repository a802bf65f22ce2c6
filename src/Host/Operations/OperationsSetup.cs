using Koostoo.Service.Persistence;
using Koostoo.Service.Startup;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Koostoo.Host.Operations;

/// <summary>
/// What operators need of a host, in one place so that Program.cs stays short: the health endpoints, the roles a host
/// plays (<c>Koostoo:Roles</c>) and OpenTelemetry (docs/operations.md).
/// </summary>
public static class OperationsSetup
{
    public static IServiceCollection AddKoostooOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DatabaseReadiness>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddKoostooTelemetry(configuration);
        return services;
    }

    /// <summary>A host without the Web role answers only its health endpoints: the load balancer sends members elsewhere.</summary>
    public static void UseKoostooRoles(this WebApplication app)
    {
        if (HostRoles.From(app.Configuration).Web) return;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health")) await next(context);
            else context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
    }

    /// <summary>
    /// <c>/health</c>: the process serves (liveness, no database work, anonymous). <c>/health/ready</c>: the database
    /// answers and its migrations are applied (readiness, 503 until then).
    /// </summary>
    public static void MapKoostooHealth(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous()
            .WithSummary("Whether the service runs (liveness); open to anyone. /health/ready says whether it can serve.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }

    private sealed class DatabaseReadyCheck(DatabaseReadiness readiness) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await readiness.WhyNotReadyAsync(cancellationToken) is { } why ? HealthCheckResult.Unhealthy(why) : HealthCheckResult.Healthy();
    }
}
