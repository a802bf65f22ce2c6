using Koostoo.Networks.Meetings;

namespace Koostoo.Service.Meetings;

/// <summary>Who comes, in one line a page or a sheet prints: "Tulevad: Mari, Jaan · Võib-olla: Anu · Ei tule: Peeter · Vastamata: Kati".</summary>
public static class AttendanceText
{
    public static string Of(IReadOnlyList<Attendee> attendees, string language)
    {
        var english = language == "en";
        var groups = new (AttendanceStatus? Status, string Et, string En)[]
        {
            (AttendanceStatus.Accepted, "Tulevad", "Coming"),
            (AttendanceStatus.Tentative, "Võib-olla", "Maybe"),
            (AttendanceStatus.Declined, "Ei tule", "Not coming"),
            (null, "Vastamata", "No answer"),
        };
        return string.Join(" · ", groups
            .Select(g => (Label: english ? g.En : g.Et, Names: attendees.Where(a => a.Status == g.Status).Select(a => a.Name).ToList()))
            .Where(g => g.Names.Count > 0)
            .Select(g => $"{g.Label}: {string.Join(", ", g.Names)}"));
    }
}
