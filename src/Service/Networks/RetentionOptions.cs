namespace Koostoo.Service.Networks;

/// <summary>
/// How long a finished or cancelled network keeps its people's names, addresses and phones (docs/security.md,
/// "Retention"). Two years by default: long enough to look back on a network's work and answer a complaint, short
/// enough that a closed case does not keep its people for ever; an organisation sets its own records schedule here.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Koostoo:Retention";

    /// <summary>Time after a network's last event; empty or zero keeps everything.</summary>
    public TimeSpan? After { get; set; } = TimeSpan.FromDays(730);

    /// <summary>When the job looks for networks past their time (cron, Hangfire's format): nightly.</summary>
    public string Cron { get; set; } = "30 3 * * *";
}
