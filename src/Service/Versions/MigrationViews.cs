using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Versions;

namespace Koostoo.Service.Versions;

/// <summary>
/// What an admin asks to move: the instances of <paramref name="FromVersion"/> (all of them, or those named, or those of the
/// networks named) to <paramref name="ToVersion"/>, with the steps in flight the new version names otherwise.
/// </summary>
/// <param name="Mapping">Old activity id → the activity of the new version it becomes (a step renamed).</param>
public sealed record MigrationChoice(int FromVersion, int ToVersion, IReadOnlyList<Guid>? InstanceIds = null, IReadOnlyList<Guid>? NetworkIds = null,
    IReadOnlyDictionary<string, string>? Mapping = null);

public sealed record VersionInFlight(int Version, bool Published, DateTimeOffset? PublishedAt, int Running, int Faulted);

public sealed record InstanceInFlight(Guid InstanceId, int Version, InstanceStatus Status, string? Stage, Guid? NetworkId, string? NetworkName,
    string? Fault, DateTimeOffset UpdatedAt);

/// <summary>A definition's versions with how many instances run (or stopped faulted) on each, and those instances.</summary>
public sealed record MigrationCandidates(string DefinitionId, string Name, IReadOnlyList<VersionInFlight> Versions, IReadOnlyList<InstanceInFlight> Instances);

/// <summary>The members' requests of one waiting step: how many are open, answered, how many links were mailed, and whether they keep working.</summary>
public sealed record StepLinks(string ActivityId, int Requests, int Answered, int Links, bool StayValid);

/// <summary>One instance's migration (or dry run) with its network and what becomes of its members' links.</summary>
public sealed record InstanceMigrationView(InstanceMigration Migration, Guid? NetworkId, string? NetworkName, IReadOnlyList<StepLinks> Links);

/// <summary>
/// Where a step in flight goes, over all the instances asked about: the proposal an admin confirms or corrects by hand.
/// <paramref name="Candidates"/> are the new version's activities of the same type, what it may be mapped to.
/// </summary>
public sealed record StepProposal(string From, string Type, string? To, MappingSource How, MappingProblem? Problem, string? Message, int Instances,
    IReadOnlyList<string> Candidates);

public sealed record MigrationReport(string DefinitionId, int FromVersion, int ToVersion, bool DryRun, IReadOnlyList<StepProposal> Proposal,
    IReadOnlyList<InstanceMigrationView> Instances);
