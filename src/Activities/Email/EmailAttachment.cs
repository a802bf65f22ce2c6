namespace Koostoo.Activities.Email;

/// <summary>A text attachment such as a calendar invitation (<c>invite.ics</c>, <c>text/calendar; method=REQUEST</c>).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
