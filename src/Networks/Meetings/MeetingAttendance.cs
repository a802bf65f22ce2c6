namespace Koostoo.Networks.Meetings;

public enum AttendanceStatus
{
    Accepted,
    Tentative,
    Declined,
}

/// <summary>
/// A member's answer to a meeting invitation, as their calendar sent it (iMIP REPLY): to the invitation of
/// <see cref="Sequence"/>. A changed meeting goes out with a higher sequence, so an answer to an earlier one no longer
/// counts: the member is asked again.
/// </summary>
public sealed class MeetingAttendance
{
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public AttendanceStatus Status { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
}
