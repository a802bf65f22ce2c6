using Koostoo.Language;
using System.Globalization;
using System.Text.RegularExpressions;
using Koostoo.Networks;

namespace Koostoo.Service.Meetings;

/// <summary>A <see cref="MeetingDraft"/> that has been checked: every field in the shape the meeting row keeps.</summary>
public sealed partial record MeetingPlan(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineLink, string? Agenda)
{
    public const int TitleLength = 200;
    public const int PlaceLength = 300;
    public const int LinkLength = 500;

    // Day first or month first is guessed differently by every culture: only the ISO order is read.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoMoment();

    /// <summary>The draft as a plan, or <see cref="MeetingRejectedException"/> with a message for every field that is wrong.</summary>
    public static MeetingPlan From(MeetingDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Text(draft.Title);
        if (title is null) errors["title"] = [Words.Current["Meetings.MeetingPlan.TheTitleIsMissing"]];
        else if (title.Length > TitleLength) errors["title"] = [Words.Current["Meetings.MeetingPlan.TheTitleIsLongerThanCharacters", TitleLength]];

        var starts = Moment(draft.StartsAt, "startsAt", "Start", errors);
        var ends = Moment(draft.EndsAt, "endsAt", "End", errors);
        if (starts is not null && ends is not null && ends <= starts)
            errors["endsAt"] = [Words.Current["Meetings.MeetingPlan.TheMeetingMustEndAfterIt"]];

        var place = Text(draft.Place);
        var link = Text(draft.OnlineLink);
        if (place is null && link is null)
            errors["place"] = [Words.Current["Meetings.MeetingPlan.GiveAPlaceOrAnOnline"]];
        else if (place?.Length > PlaceLength)
            errors["place"] = [Words.Current["Meetings.MeetingPlan.ThePlaceIsLongerThanCharacters", PlaceLength]];
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && link.Length <= LinkLength))
            errors["onlineLink"] = [Words.Current["Meetings.MeetingPlan.IsNotAWebAddressHttps", link, LinkLength]];

        if (errors.Count > 0) throw new MeetingRejectedException(errors);
        return new MeetingPlan(title!, starts!.Value, ends!.Value, place, link, Text(draft.Agenda));
    }

    /// <summary>A moment as the page's date-time field shows it: Tallinn time, to the minute.</summary>
    public static string LocalInput(DateTimeOffset moment) =>
        NetworkTime.Local(moment).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <param name="which">Start or End: the catalog names the moment in the reader's language (<c>Meetings.Start.*</c>).</param>
    private static DateTimeOffset? Moment(string? text, string field, string which, Dictionary<string, string[]> errors)
    {
        text = Text(text);
        if (text is null)
        {
            errors[field] = [Words.Current[$"Meetings.{which}.Missing"]];
            return null;
        }
        var iso = IsoMoment().Match(text);
        if (iso.Success && iso.Groups["offset"].Success && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset;
        if (iso.Success && !iso.Groups["offset"].Success && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (NetworkTime.Zone.IsInvalidTime(local))
            {
                errors[field] = [Words.Current[$"Meetings.{which}.InClockChange", text]];
                return null;
            }
            return new DateTimeOffset(local, NetworkTime.Zone.GetUtcOffset(local));
        }
        errors[field] = [Words.Current[$"Meetings.{which}.NotAMoment", text]];
        return null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
