namespace Koostoo.Service.Accounts;

/// <summary>The <c>Koostoo:Accounts</c> section: sessions, lockout and reset links (docs/accounts.md).</summary>
public sealed class AccountOptions
{
    public const string Section = "Koostoo:Accounts";

    /// <summary>A session ends after this long without a request (the cookie slides while in use).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>A session ends this long after sign-in however busy: a work day.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);
    /// <summary>How often a session is checked against its account (disabled, password changed); zero is every request.</summary>
    public TimeSpan SessionCheckEvery { get; set; } = TimeSpan.Zero;
    public int LockoutAfterFailures { get; set; } = 5;
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>A password-reset link works this long, and once.</summary>
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromHours(1);
}
