namespace Koostoo.Service.Networks;

/// <summary>
/// How the answers to one step came in over time, against its deadline and each reminder: what the network page
/// draws (docs/coordinator.md, "How the answers came in").
/// </summary>
/// <param name="Answers">When each answer came, oldest first (an answer changed later counts at its last time).</param>
/// <param name="Reminders">When the step's silent people were reminded, by its timer or by hand.</param>
/// <param name="ClosedAt">When the step stopped waiting; null while it waits.</param>
public sealed record AnswerChart(string ActivityId, string Question, DateTimeOffset AskedAt, DateTimeOffset? Deadline, DateTimeOffset? ClosedAt,
    int Asked, IReadOnlyList<DateTimeOffset> Answers, IReadOnlyList<DateTimeOffset> Reminders)
{
    public int AnsweredBeforeDeadline => Deadline is { } due ? Answers.Count(a => a <= due) : Answers.Count;
}
