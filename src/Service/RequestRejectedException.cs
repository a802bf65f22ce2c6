namespace Koostoo.Service;

/// <summary>What was asked cannot be done as asked: the messages by the field they are about (the API answers 400 with them).</summary>
public sealed class RequestRejectedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestRejectedException Of(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
