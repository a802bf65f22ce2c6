namespace Koostoo.Service.Email;

/// <summary>The <c>Koostoo:Mail</c> section (README, docs/email.md).</summary>
public sealed class MailOptions
{
    public const string Section = "Koostoo:Mail";
    public const string PickupTransport = "Pickup";
    public const string SmtpTransport = "Smtp";

    /// <summary><c>Pickup</c> (the default: .eml files in <see cref="PickupFolder"/>, shown at /mailbox) or <c>Smtp</c>.</summary>
    public string Transport { get; set; } = PickupTransport;
    public string FromAddress { get; set; } = "koostoo@localhost";
    public string FromName { get; set; } = "Koostöö";
    public string PickupFolder { get; set; } = "data/mail";
    public SmtpOptions Smtp { get; set; } = new();
    public RetryOptions Retry { get; set; } = new();
    /// <summary>How often the outbox sweep delivers what is due (cron, Hangfire's format).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    public bool IsPickup => string.Equals(Transport, PickupTransport, StringComparison.OrdinalIgnoreCase);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    /// <summary>587 suits StartTls; 465 is SslOnConnect's; 25 None's.</summary>
    public int Port { get; set; } = 587;
    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTls";
    public string? User { get; set; }
    /// <summary>Give it by environment variable (Koostoo__Mail__Smtp__Password), never in the repository.</summary>
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included; then the message is Failed.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a claimed message is left to one worker; a lease that ran out (a crash mid-send) is claimed again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}
