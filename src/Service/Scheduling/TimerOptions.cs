namespace Koostoo.Service.Scheduling;

/// <summary>The <c>Koostoo:Timers</c> section.</summary>
public sealed class TimerOptions
{
    public const string Section = "Koostoo:Timers";

    /// <summary>Timers due within this window get a Hangfire job of their own; later ones wait in the database.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the sweep fires what is due and schedules the next horizon (cron, Hangfire's format).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>How often Hangfire looks for scheduled jobs that are due; its default 15 s makes timers up to 17 s late.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);
}
