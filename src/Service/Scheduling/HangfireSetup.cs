using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Scheduling;

/// <summary>
/// Hangfire as the timer and background-job engine: in-memory storage by default (the bookmark rows are the
/// truth, so nothing is lost with it), PostgreSQL storage when the database is PostgreSQL so several hosts share
/// the work. Storage and job activator are this host's own services rather than Hangfire's static globals, so
/// two hosts in one process (tests) never run each other's jobs.
/// </summary>
public static class HangfireSetup
{
    /// <summary>
    /// How long the in-memory storage keeps a finished job and the dashboard's statistics (Hangfire.InMemory's default
    /// is 3 hours). Mail is delivered by jobs, and while 10,000 networks of ten were launched in six minutes the
    /// storage's jobs, queued and finished, were most of the host's heap (docs/scale.md); the finished ones need not
    /// stay. What a job did is in the database (the outbox row, the bookmark); failed and scheduled jobs have no expiry
    /// and stay on the dashboard.
    /// </summary>
    private static readonly TimeSpan FinishedJobsKept = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddKoostooHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<TimerOptions>(configuration.GetSection(TimerOptions.Section));

        services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.Postgres
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(database.PostgresConnectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) })
            : new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = FinishedJobsKept }));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // A web-only host enqueues and schedules into the shared storage; the workers' servers run the jobs.
        if (Startup.HostRoles.From(configuration).Worker)
            services.AddHangfireServer((provider, server) =>
            {
                var timers = provider.GetRequiredService<IOptions<TimerOptions>>().Value;
                server.SchedulePollingInterval = timers.PollingInterval;
                server.WorkerCount = timers.WorkerCount;
            });

        services.AddSingleton<HangfireTimerScheduler>();
        services.AddSingleton<ITimerScheduler>(provider => provider.GetRequiredService<HangfireTimerScheduler>());
        services.AddTransient<TimerJobs>();
        return services;
    }

    /// <summary>The recurring sweep, and one sweep right away for what fell due while the host was down.</summary>
    public static void StartTimerSweep(IServiceProvider services)
    {
        var timers = services.GetRequiredService<IOptions<TimerOptions>>().Value;
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<TimerJobs>(TimerJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), timers.SweepCron);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<TimerJobs>(j => j.SweepAsync(CancellationToken.None));
    }
}
