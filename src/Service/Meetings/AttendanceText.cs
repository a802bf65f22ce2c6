using Koostoo.Language;
using Koostoo.Networks.Meetings;

namespace Koostoo.Service.Meetings;

/// <summary>Who comes, in one line a page or a sheet prints: "Tulevad: Mari, Jaan · Võib-olla: Anu · Ei tule: Peeter · Vastamata: Kati".</summary>
public static class AttendanceText
{
    public static string Of(IReadOnlyList<Attendee> attendees, string language)
    {
        var words = Words.In(language);
        var groups = new (AttendanceStatus? Status, string Key)[]
        {
            (AttendanceStatus.Accepted, "Attendance.Coming"),
            (AttendanceStatus.Tentative, "Attendance.Maybe"),
            (AttendanceStatus.Declined, "Attendance.NotComing"),
            (null, "Attendance.NoAnswer"),
        };
        return string.Join(" · ", groups
            .Select(g => (Label: words[g.Key].Value, Names: attendees.Where(a => a.Status == g.Status).Select(a => a.Name).ToList()))
            .Where(g => g.Names.Count > 0)
            .Select(g => $"{g.Label}: {string.Join(", ", g.Names)}"));
    }
}
