using Koostoo.Language;
namespace Koostoo.Service.Meetings;

/// <summary>A meeting or memo that cannot be saved as written: a message per field (the API's problem details, the page's form).</summary>
public sealed class MeetingRejectedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(Words.Current["Meetings.MeetingRejectedException.TheMeetingCannotBeSavedAs"] + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
