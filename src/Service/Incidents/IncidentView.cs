using Koostoo.Workflows.Definitions;

namespace Koostoo.Service.Incidents;

/// <summary>
/// A faulted workflow instance: where it stopped (the step and its stage), with what error, when; the outcomes it could be
/// continued with; and the newest published version of its definition, when that is newer than the one it runs (fix, move
/// it there, then run the step again).
/// </summary>
public sealed record IncidentView(
    Guid InstanceId,
    string DefinitionId,
    int Version,
    int? NewerVersion,
    Guid? NetworkId,
    string? NetworkName,
    string? Stage,
    LocalizedText? StageName,
    string? ActivityId,
    string? ActivityType,
    LocalizedText Step,
    string Error,
    DateTimeOffset At,
    IReadOnlyList<string> Outcomes);
