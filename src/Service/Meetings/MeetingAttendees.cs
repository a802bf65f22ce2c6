using Koostoo.Networks;
using Koostoo.Networks.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Meetings;

/// <summary>One invited member and their calendar's answer to the meeting as it stands now; null when none yet.</summary>
public sealed record Attendee(Guid MemberId, string Name, AttendanceStatus? Status);

/// <summary>
/// Who comes to a network's meetings, as the page, the API and the meetings sheet show it: every active member, with
/// the answer their calendar gave to the meeting's current version (an answer to an earlier version does not count).
/// </summary>
public static class MeetingAttendees
{
    public static async Task<Dictionary<Guid, List<Attendee>>> OfAsync(DbContext db, Network network, IEnumerable<Meeting> meetings, CancellationToken ct)
    {
        var list = meetings.ToList();
        var ids = list.Select(m => m.Id).ToList();
        var answers = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => ids.Contains(a.MeetingId)).ToListAsync(ct);
        return list.ToDictionary(m => m.Id, m => network.Members.Where(p => p.IsActive).OrderBy(p => p.AddedAt).Select(p =>
        {
            var answer = answers.FirstOrDefault(a => a.MeetingId == m.Id && a.MemberId == p.Id && a.Sequence >= m.Sequence);
            return new Attendee(p.Id, p.Name, answer?.Status);
        }).ToList());
    }
}
