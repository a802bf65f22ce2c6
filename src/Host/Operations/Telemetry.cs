using Koostoo.Service.Telemetry;
using Koostoo.Workflows.Runtime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Koostoo.Host.Operations;

/// <summary>The <c>Koostoo:Telemetry</c> section: where metrics and traces go.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Koostoo:Telemetry";

    /// <summary>None (default: nothing collected beyond the meters themselves), <c>Console</c> or <c>Otlp</c>.</summary>
    public string? Exporter { get; set; }

    /// <summary>The collector for <c>Otlp</c>; unset means the OTLP default (http://localhost:4317) or OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public Uri? OtlpEndpoint { get; set; }
}

/// <summary>
/// OpenTelemetry with the standard ASP.NET Core, EF Core and runtime instrumentation and Koostöö's own meters and spans.
/// Only when an exporter is configured: collecting spans for every SQL statement costs CPU that nobody reads otherwise.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddKoostooTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = options.Exporter?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(exporter) || exporter == "none") return services;
        if (exporter is not ("console" or "otlp"))
            throw new InvalidOperationException($"{TelemetryOptions.Section}:Exporter: '{options.Exporter}' is not one of None, Console, Otlp.");

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("koostoo"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(WorkflowMetrics.Name, ServiceMetrics.Name);
                if (exporter == "console") metrics.AddConsoleExporter();
                else metrics.AddOtlpExporter(o => { if (options.OtlpEndpoint is not null) o.Endpoint = options.OtlpEndpoint; });
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation().AddSource(WorkflowMetrics.Name);
                if (exporter == "console") tracing.AddConsoleExporter();
                else tracing.AddOtlpExporter(o => { if (options.OtlpEndpoint is not null) o.Endpoint = options.OtlpEndpoint; });
            });
        return services;
    }
}
