using Koostoo.Activities.Control;
using Koostoo.Networks;
using Koostoo.Networks.Requests;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Koostoo.Service.Answers;
using Koostoo.Service.Email;
using Koostoo.Service.Incidents;
using Koostoo.Service.Meetings;
using Koostoo.Service.Networks;
using Koostoo.Service.Persistence;
using Koostoo.Service.Replies;
using Koostoo.Service.Scheduling;
using Koostoo.Service.Startup;
using Koostoo.Service.Versions;
using Koostoo.Service.WorkSheets;
using Koostoo.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Koostoo.Service;

/// <summary>The application in one registration: what every page, endpoint, job and (later) mail reader calls.</summary>
public static class KoostooServices
{
    public static IServiceCollection AddKoostoo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkflowFolderOptions>(configuration.GetSection(WorkflowFolderOptions.Section));
        services.Configure<PublicLinks>(configuration.GetSection(PublicLinks.Section));
        services.Configure<Activities.Requests.ReminderOptions>(configuration.GetSection(Activities.Requests.ReminderOptions.Section));
        services.AddSingleton(HostRoles.From(configuration));
        services.Configure<Workflows.Persistence.DatabaseOptions>(configuration.GetSection(Workflows.Persistence.DatabaseOptions.Section));
        services.Configure<Workflows.Runtime.ResumeBatchOptions>(configuration.GetSection(Workflows.Runtime.ResumeBatchOptions.Section));
        services.AddKoostooDatabase(configuration);
        services.AddKoostooAccountStore(configuration);
        services.AddWorkflowEngine(typeof(If).Assembly);
        services.AddKoostooHangfire(configuration);
        services.AddKoostooMail(configuration);

        services.AddSingleton<Telemetry.ServiceMetrics>();
        services.AddScoped<NetworkAccess>();
        services.AddSingleton<NetworkLauncher>();
        services.AddScoped<NetworkReader>();
        services.AddScoped<Board.CoordinatorBoard>();
        services.AddScoped<Digest.CoordinatorDigest>();
        services.AddScoped<StepCommands>();
        services.AddScoped<ActionPlan>();
        services.AddScoped<Reviews.NetworkReviews>();
        services.AddScoped<Membership>();
        services.AddScoped<ActionHelp>();
        services.AddScoped<MemberErasure>();
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<NetworkRetention>();
        services.AddScoped<NetworkCancellation>();
        services.AddScoped<RequestInbox>();
        services.AddScoped<RequestHandOver>();
        services.AddScoped<MeetingPlanner>();
        services.AddScoped<WorkSheetBuilder>();
        services.AddScoped<InstanceMigrations>();
        services.AddScoped<IncidentHandling>();

        // The local reply folder stands in for a mailbox only while mail itself stays local (Pickup); and mail carries a
        // reply address only when something reads the replies, so nobody is told to reply into a void.
        services.AddOptions<ReplyInboxOptions>().Bind(configuration.GetSection(ReplyInboxOptions.Section))
            .PostConfigure<IOptions<MailOptions>>((inbox, mail) =>
            {
                if (!mail.Value.IsPickup) inbox.Folder = null;
            });
        services.AddOptions<ReplyAddressing>().Bind(configuration.GetSection(ReplyAddressing.Section))
            .PostConfigure<IOptions<ReplyInboxOptions>>((addressing, inbox) =>
            {
                if (!inbox.Value.HasMailbox) addressing.Address = null;
            });
        services.AddScoped<ReplyHandler>();
        services.AddTransient<ReplyInbox>();
        return services;
    }

    /// <summary>
    /// What a host does once before it serves: the database brought to the code's migrations, the shipped
    /// definitions imported, the timer and outbox sweeps and the retention job started (each also runs at once, for what fell due
    /// or was left pending while no host ran).
    /// </summary>
    public static async Task StartKoostooAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var roles = services.GetRequiredService<HostRoles>();
        var databaseOptions = services.GetRequiredService<IOptions<Workflows.Persistence.DatabaseOptions>>().Value;
        if (!roles.Worker && databaseOptions.Provider != Workflows.Persistence.DatabaseProvider.Postgres)
            throw new InvalidOperationException($"{HostRoles.Section}: a host without the Worker role needs the PostgreSQL database, where other hosts run its jobs; over SQLite its timers and mail would never run.");
        // Hosts started together take turns: the first migrates and imports, the next find it done.
        await using (await StartupLock.TakeAsync(databaseOptions, ct))
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var database = scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database;
                PrivateFiles.Tighten(database.IsSqlite() ? database.GetConnectionString() : null,
                    services.GetRequiredService<IOptions<MailOptions>>().Value.PickupFolder, services.GetRequiredService<IOptions<ReplyInboxOptions>>().Value.Folder);
                await database.MigrateWhenBehindAsync(ct);
                await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.MigrateWhenBehindAsync(ct);
                await RecordsBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<KoostooDbContext>(),
                    services.GetRequiredService<ILoggerFactory>().CreateLogger("Koostoo.Backfill"), ct);
            }
            await WorkflowFolderImport.ImportAsync(services, services.GetRequiredService<IOptions<WorkflowFolderOptions>>().Value.Folder,
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Koostoo.Import"), ct);
            // Under the same lock: hosts started together over one database make the first admin once.
            await Accounts.FirstAdmin.EnsureAsync(services, services.GetService<IHostEnvironment>()?.IsDevelopment() == true, ct);
        }
        HangfireSetup.StartTimerSweep(services);
        MailSetup.StartOutboxSweep(services);
        if (roles.Worker) ReplyInbox.Start(services);
        NetworkRetention.Start(services);
        Digest.CoordinatorDigest.Start(services);
    }
}
