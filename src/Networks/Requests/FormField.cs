using Koostoo.Workflows.Definitions;

namespace Koostoo.Networks.Requests;

public enum FieldType
{
    Choice,
    MultiChoice,
    Text,
    LongText,
    Number,
    Date,
    /// <summary>1 to 5.</summary>
    Scale,
    YesNo,
}

public sealed record FieldOption(string Value, LocalizedText Label);

/// <summary>One question of a step request's form, as written in the definition.</summary>
public sealed record FormField
{
    public required string Name { get; init; }
    public FieldType Type { get; init; } = FieldType.Text;
    public required LocalizedText Label { get; init; }
    public LocalizedText? Help { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<FieldOption> Options { get; init; } = [];
    /// <summary>For a date: today (Tallinn's) or later; a due date or a deadline in the past is refused beside the field.</summary>
    public bool NotPast { get; init; }
}
