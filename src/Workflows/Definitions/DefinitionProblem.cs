using Koostoo.Language;

namespace Koostoo.Workflows.Definitions;

/// <summary>One thing wrong with a definition, with the JSON path it is at (e.g. <c>$.activities[3].inputs.condition</c>).</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Thrown where a definition that has to be valid is not; carries every problem.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception(Words.Current["Definitions.NotValid", string.Join("; ", problems)].Value)
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
