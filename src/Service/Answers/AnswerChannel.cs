namespace Koostoo.Service.Answers;

/// <summary>How an answer reached the service; every channel goes through <see cref="RequestInbox"/>.</summary>
public enum AnswerChannel
{
    /// <summary>The form behind the member's link.</summary>
    WebForm,
    /// <summary>A reply to the request's email.</summary>
    EmailReply,
    /// <summary>A calendar client's reply to a meeting invitation.</summary>
    CalendarReply,
}
