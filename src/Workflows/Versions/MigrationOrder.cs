namespace Koostoo.Workflows.Versions;

/// <summary>Move one instance of <paramref name="DefinitionId"/> from one version to another.</summary>
/// <param name="ByHand">Activities in flight the new version names otherwise: old id → new id.</param>
/// <param name="By">Who asks, as the journal names them.</param>
/// <param name="DryRun">Do everything in a transaction that is rolled back, and say what it did.</param>
public sealed record MigrationOrder(Guid InstanceId, string DefinitionId, int FromVersion, int ToVersion,
    IReadOnlyDictionary<string, string> ByHand, string By, bool DryRun);
