namespace Koostoo.Networks.History;

/// <summary>
/// What happened in a network, one member per event. The row keeps the event and its arguments, not words, so the
/// history is told in the reader's language when it is read (<see cref="HistoryText"/>). Stored by name: append new
/// members anywhere, never rename one that rows carry.
/// </summary>
public enum HistoryKind
{
    /// <summary>A row from before the history kept events: its finished sentences, <c>{ "et", "en" }</c>.</summary>
    Recorded,
    NetworkLaunched,
    MemberJoined,
    MemberLeft,
    StepReminded,
    DeadlineExtended,
    StepClosedByCoordinator,
    MemberAddedToStep,
    /// <summary>The coordinator ended the network before its cycle was through.</summary>
    NetworkCancelled,
    WorkflowFinished,
    /// <summary>The network's workflow was cancelled by itself or through the engine, not by the coordinator's cancel.</summary>
    WorkflowCancelled,
    MeetingPlanned,
    MeetingChanged,
    MemoWritten,
    ActionDone,
    ActionOverdue,
    ExecutionEnded,
    StepClosed,
    GoalDraftProposed,
    GoalApproved,
    GoalNotApproved,
    /// <summary>A member answered a step by replying to its email, not on the page.</summary>
    AnsweredByEmail,
    /// <summary>An admin moved the network's workflow to another version of its definition (docs/versions.md).</summary>
    WorkflowMigrated,
    /// <summary>The network's workflow stopped on an error (an incident); the coordinator was mailed.</summary>
    WorkflowFaulted,
    /// <summary>An admin ran the faulted step again, and the workflow went on.</summary>
    FaultRetried,
    /// <summary>An admin ran the faulted step again, and it stopped again.</summary>
    RetryFailed,
    /// <summary>An admin let the workflow go on from the faulted step with an outcome they chose.</summary>
    FaultOutcomeChosen,
    /// <summary>A member's name, address and phone were erased on their request; their answers stay, without them.</summary>
    MemberErased,
    /// <summary>The network ended longer ago than the retention period: its people's names, addresses and phones were erased.</summary>
    MembersAnonymised,
    /// <summary>The coordinator invited a colleague a member had suggested in their place.</summary>
    SuggestedColleagueInvited,
    /// <summary>An action's owner reported it late and asked for help; the coordinator was mailed.</summary>
    HelpAsked,
    /// <summary>The coordinator marked a request for help resolved.</summary>
    HelpResolved,
    /// <summary>A member handed their request in a step to a colleague, who answers in their place; the coordinator was mailed.</summary>
    RequestHandedOver,
    /// <summary>The coordinator added an action to the plan, with its owner and due date.</summary>
    ActionAdded,
    /// <summary>The coordinator changed an action's words or due date.</summary>
    ActionEdited,
    /// <summary>The coordinator gave an action to another member.</summary>
    ActionReassigned,
    /// <summary>The coordinator took an action out of the plan.</summary>
    ActionDropped,
    /// <summary>The coordinator started a review of the network: its members were asked to rate its functions.</summary>
    ReviewStarted,
    /// <summary>A review of the network closed: all had answered or its deadline passed.</summary>
    ReviewClosed,
}
