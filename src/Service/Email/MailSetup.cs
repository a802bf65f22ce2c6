using Hangfire;
using Koostoo.Activities.Email;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Email;

/// <summary>The outbox's delivery side: options checked at start, the transport by configuration, jobs, the sweep.</summary>
public static class MailSetup
{
    public static IServiceCollection AddKoostooMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<IOptions<MailOptions>>().Value.IsPickup
            ? ActivatorUtilities.CreateInstance<PickupTransport>(provider)
            : ActivatorUtilities.CreateInstance<SmtpTransport>(provider));
        services.AddSingleton<IMailDelivery, HangfireMailDelivery>();
        services.AddScoped<OutboxSender>();
        services.AddTransient<OutboxJobs>();
        services.AddSingleton<PickupMailbox>();
        return services;
    }

    /// <summary>The recurring sweep, and one right away for what was left pending when the host stopped.</summary>
    public static void StartOutboxSweep(IServiceProvider services)
    {
        var mail = services.GetRequiredService<IOptions<MailOptions>>().Value;
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OutboxJobs>(OutboxJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), mail.SweepCron);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxJobs>(j => j.SweepAsync(CancellationToken.None));
    }
}
