namespace Koostoo.Service.Startup;

/// <summary>
/// The <c>Koostoo:Roles</c> setting: what this host does. <c>Web</c> serves pages, links and the API; <c>Worker</c> runs
/// the background work (Hangfire's server: timers and mail delivery; the reply inbox). Both by default (one host does
/// everything). Over PostgreSQL several hosts share one database and one Hangfire storage, so web-only hosts can face the
/// members while worker-only ones send and fire (docs/scale.md). Over SQLite (in-memory Hangfire) a host must be a worker
/// too, or its jobs would never run.
/// </summary>
public sealed class HostRoles
{
    public const string Section = "Koostoo:Roles";

    public bool Web { get; init; } = true;
    public bool Worker { get; init; } = true;

    /// <summary>Reads "Web", "Worker" or "Web,Worker" (any case); unset means both.</summary>
    public static HostRoles From(IConfiguration configuration)
    {
        var value = configuration[Section];
        if (string.IsNullOrWhiteSpace(value)) return new HostRoles();
        var roles = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(r => !r.Equals("Web", StringComparison.OrdinalIgnoreCase) && !r.Equals("Worker", StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || roles.Length == 0)
            throw new InvalidOperationException($"{Section}: '{value}' is not a list of roles; give Web, Worker or Web,Worker.");
        return new HostRoles
        {
            Web = roles.Any(r => r.Equals("Web", StringComparison.OrdinalIgnoreCase)),
            Worker = roles.Any(r => r.Equals("Worker", StringComparison.OrdinalIgnoreCase)),
        };
    }
}
