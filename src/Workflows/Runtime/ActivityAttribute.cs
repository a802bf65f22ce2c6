namespace Koostoo.Workflows.Runtime;

/// <summary>Describes an activity class to the registry and the designer.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ActivityAttribute(string type) : Attribute
{
    public string Type { get; } = type;
    public string Category { get; init; } = "General";
    public string[] Outcomes { get; init; } = [ActivityResult.DoneOutcome];
}

/// <summary>Marks a property that is filled from the definition's <c>inputs</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public bool Required { get; init; }
    /// <summary>How the designer edits it: text, multiline, localized, expression, duration, cron, datetime, select, json, durations.</summary>
    public string? UiHint { get; init; }
    /// <summary>For <c>select</c>: the allowed values.</summary>
    public string[]? Options { get; init; }
}
