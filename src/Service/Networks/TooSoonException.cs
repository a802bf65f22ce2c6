namespace Koostoo.Service.Networks;

/// <summary>A command that may be given again only later (a reminder by hand): when it may.</summary>
public sealed class TooSoonException(DateTimeOffset possibleAt)
    : Exception($"This step's silent people were reminded by hand a short while ago; the next reminder is possible at {possibleAt:yyyy-MM-dd HH:mm} UTC.")
{
    public DateTimeOffset PossibleAt { get; } = possibleAt;
}
