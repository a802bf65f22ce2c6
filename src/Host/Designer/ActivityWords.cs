using Koostoo.Language;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Host.Designer;

/// <summary>
/// The designer's palette in every language: an activity's name and description and its inputs' labels are the
/// catalog's (<c>Activity.AskMembers</c>, <c>Activity.AskMembers.Description</c>, <c>Activity.Input.deadline</c>, or
/// <c>Activity.AskMembers.variable</c> where one input name means different things in different activities). What the
/// catalog lacks reads as the engine names it: the type, the input's name.
/// </summary>
public static class ActivityWords
{
    public static ActivityDescriptor Of(ActivityDescriptor descriptor) => descriptor with
    {
        DisplayName = Text(descriptor.DisplayName, $"Activity.{descriptor.Type}"),
        Description = Text(descriptor.Description, $"Activity.{descriptor.Type}.Description"),
        Inputs = descriptor.Inputs.Select(input => input with
        {
            Label = Text(input.Label, $"Activity.{descriptor.Type}.{input.Name}", $"Activity.Input.{input.Name}"),
        }).ToList(),
    };

    private static LocalizedText Text(LocalizedText engines, params string[] keys) =>
        keys.FirstOrDefault(k => !Words.In(Languages.Estonian)[k].ResourceNotFound) is { } key ? Localized.Text(key) : engines;
}
