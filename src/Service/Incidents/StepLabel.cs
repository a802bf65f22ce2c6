using System.Text.Json;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Service.Incidents;

/// <summary>How a person reads a step of a workflow: its name, else the question it asks (AskMembers), else its id.</summary>
public static class StepLabel
{
    public static LocalizedText Of(WorkflowDefinition? definition, string? activityId)
    {
        if (activityId is null) return new LocalizedText("–");
        var activity = definition?.Activities.FirstOrDefault(a => a.Id == activityId);
        if (activity?.Name is { IsEmpty: false } name) return name;
        if (activity?.Inputs["question"] is JsonNode question)
        {
            try
            {
                if (question.Deserialize<LocalizedText>(WorkflowJson.Options) is { IsEmpty: false } asked) return asked;
            }
            catch (JsonException)
            {
                // Not a text: the id says it then.
            }
        }
        return new LocalizedText(activityId);
    }
}
