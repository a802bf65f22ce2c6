using Koostoo.Networks.Actions;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Service.Board;

/// <summary>Someone a waiting step still waits for, and since when.</summary>
public sealed record SilentPerson(Guid RequestId, Guid? MemberId, string Name, DateTimeOffset AskedAt, TimeSpan SilentFor, int RemindersSent);

/// <summary>One waiting step of one network on the board: who is silent there, how long, what has been sent.</summary>
/// <param name="Overdue">Its deadline has passed and people are still silent.</param>
/// <param name="RemindableAt">When a reminder by hand is possible again; null when it is possible now.</param>
public sealed record BoardStep(Guid NetworkId, string NetworkName, string? Stage, LocalizedText? StageName, string ActivityId, string Question,
    DateTimeOffset? Deadline, bool Overdue, int Asked, int Answered, IReadOnlyList<SilentPerson> Silent, DateTimeOffset? RemindableAt);

/// <summary>An action of a plan that needs the coordinator: past its due date, or reported late by its owner.</summary>
public sealed record BoardAction(Guid NetworkId, string NetworkName, Guid ActionId, string What, string OwnerName, DateOnly DueOn,
    ActionStatus Status, bool Overdue);

/// <summary>What a coordinator's networks owe, across all of them (docs/coordinator.md, "The board").</summary>
/// <param name="Networks">Every network the actor may see that is still running, for the filter.</param>
public sealed record BoardView(IReadOnlyList<BoardStep> Steps, IReadOnlyList<BoardAction> Actions, IReadOnlyList<BoardNetwork> Networks);

/// <param name="Stages">Its stages in order, done, current or ahead: the board's timeline.</param>
public sealed record BoardNetwork(Guid Id, string Name, string? Stage, LocalizedText? StageName, IReadOnlyList<Networks.StageView> Stages);
