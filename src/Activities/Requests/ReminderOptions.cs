namespace Koostoo.Activities.Requests;

/// <summary>The <c>Koostoo:Reminders</c> section: how often a coordinator may remind a step's silent people by hand.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Koostoo:Reminders";

    /// <summary>
    /// One reminder by hand per step in this time (docs/security.md): members are busy people, and a button pressed again
    /// and again would make the service a way to flood anyone in a network with mail. Twelve hours allow a morning and an
    /// evening nudge; the step's own timed reminders are not counted.
    /// </summary>
    public TimeSpan ByHandEvery { get; set; } = TimeSpan.FromHours(12);
}
