namespace Koostoo.Networks.Requests;

/// <summary>
/// A question put to one person in one waiting step (an AskMembers run): what they are asked, the bookmark
/// their answer resumes, their answer. Open until the step closes; a member can change the answer till then.
/// </summary>
public sealed class StepRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NetworkId { get; set; }
    /// <summary>Null when the coordinator is the one asked.</summary>
    public Guid? MemberId { get; set; }
    public required string RespondentName { get; set; }
    public required string RespondentEmail { get; set; }
    public string Language { get; set; } = "et";
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    /// <summary>The bookmark the next answer resumes; replaced after each answer so the member can change it.</summary>
    public Guid BookmarkId { get; set; }
    /// <summary>The question, context and fields as they were when asked (<see cref="RequestForm"/> as JSON).</summary>
    public required string Form { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public int RemindersSent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    /// <summary>When the step closed: every link to this request stops working.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>
    /// When the member handed the request to a colleague (docs/requests.md, "Handing a request on"): it closed then, and
    /// its links say to whom. Null for every request that was not handed on.
    /// </summary>
    public DateTimeOffset? HandedOverAt { get; set; }
    /// <summary>The colleague's request that took this one's place; their name is read from it, so erasing them erases it here too.</summary>
    public Guid? HandedOverToId { get; set; }

    public bool IsOpen => ClosedAt is null;
}
