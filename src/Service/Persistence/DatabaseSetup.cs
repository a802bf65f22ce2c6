using Koostoo.Activities.Networks;
using Koostoo.Service.Incidents;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Persistence;

/// <summary>
/// Registers the service's database for the configured provider. The provider picks the context class, and with it
/// the migration history; everything else asks for <see cref="KoostooDbContext"/>, <see cref="NetworkDbContext"/> or
/// <see cref="WorkflowDbContext"/>, all the same scoped context, so the engine and the activities share one transaction.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddKoostooDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<KoostooDbContext, SqliteKoostooDbContext>((provider, options) => Configure(database, options, provider));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<KoostooDbContext, PostgresKoostooDbContext>((provider, options) => Configure(database, options, provider));
                break;
        }
        services.AddScoped<NetworkDbContext>(provider => provider.GetRequiredService<KoostooDbContext>());
        services.AddScoped<WorkflowDbContext>(provider => provider.GetRequiredService<KoostooDbContext>());
        return services;
    }

    /// <param name="services">The application's root services: what the interceptors need (mail delivery, links) is resolved when used.</param>
    private static void Configure(DatabaseOptions database, DbContextOptionsBuilder options, IServiceProvider services)
    {
        database.Configure(options);
        options.AddInterceptors(new NetworkEndsWithItsWorkflow(), new NetworkFaultNotice(services));
    }
}
