using Koostoo.Language;
namespace Koostoo.Networks.Launch;

/// <summary>The launch did not pass its check; nothing was saved. The API answers 400 with every error by field.</summary>
public sealed class LaunchRejectedException(LaunchCheck check) : Exception(Words.Current["Problems.LaunchRejected", string.Join(" ", check.Errors.SelectMany(e => e.Value))])
{
    public LaunchCheck Check { get; } = check;
}
