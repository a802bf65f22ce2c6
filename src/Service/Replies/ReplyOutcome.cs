namespace Koostoo.Service.Replies;

/// <summary>What became of one message read from the reply inbox.</summary>
public enum ReplyOutcome
{
    /// <summary>Read against the step's form and recorded as the member's answer.</summary>
    Answered,
    /// <summary>An out-of-office, a bounce, list mail: never answered.</summary>
    Automatic,
    /// <summary>No reply address of ours, or one no request has: nobody to answer.</summary>
    Unknown,
    /// <summary>Sent from an address that is not the member's; the member was sent the link.</summary>
    OtherSender,
    /// <summary>The step has closed; the member was sent the link, whose page says so.</summary>
    StepClosed,
    /// <summary>Could not be read against the form; the member was sent the link.</summary>
    NotUnderstood,
    /// <summary>A member's calendar answered a meeting invitation: their attendance is recorded.</summary>
    Attendance,
    /// <summary>A calendar answer to a meeting that has changed since, or from someone not invited: not counted.</summary>
    AttendanceIgnored,
}
