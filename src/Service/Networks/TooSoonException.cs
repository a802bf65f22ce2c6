using Koostoo.Language;
namespace Koostoo.Service.Networks;

/// <summary>A command that may be given again only later (a reminder by hand): when it may.</summary>
public sealed class TooSoonException(DateTimeOffset possibleAt)
    : Exception(Words.Current["Problems.TooSoon", possibleAt])
{
    public DateTimeOffset PossibleAt { get; } = possibleAt;
}
