using Koostoo.Language;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.Workflows.Runtime;

namespace Koostoo.Workflows.Definitions;

public sealed record ParsedDefinition(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;

    public WorkflowDefinition Valid => IsValid ? Definition! : throw new InvalidDefinitionException(Problems);
}

/// <summary>
/// Reads definition JSON and checks all of it, collecting every problem with its JSON path rather than
/// stopping at the first, so an admin fixes a definition in one round.
/// </summary>
public sealed partial class DefinitionParser(ActivityRegistry registry)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    public ParsedDefinition Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return Fail(new DefinitionProblem("$", $"Not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}"));
        }
        if (root is not JsonObject obj)
            return Fail(new DefinitionProblem("$", Words.Current["Definitions.DefinitionParser.AWorkflowDefinitionIsAJSON"].Value));

        var problems = CheckShape(obj);
        if (problems.Count > 0) return new ParsedDefinition(null, problems);

        WorkflowDefinition definition;
        try
        {
            definition = obj.Deserialize<WorkflowDefinition>(WorkflowJson.Options)!;
        }
        catch (JsonException e)
        {
            return Fail(new DefinitionProblem(e.Path ?? "$", $"Wrong type of value: {FirstSentence(e.Message)}"));
        }
        return new ParsedDefinition(definition, Validate(definition));
    }

    /// <summary>The structure has to be right before the model can be read: required members with the right JSON kinds.</summary>
    private static List<DefinitionProblem> CheckShape(JsonObject root)
    {
        var problems = new List<DefinitionProblem>();
        RequireString(root, "id", "$.id", problems);
        if (root["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && !string.IsNullOrEmpty(id) && !IdPattern().IsMatch(id))
            problems.Add(new("$.id", Words.Current["Definitions.DefinitionParser.IsNotAUsableIdLetters", id].Value));
        if (root["name"] is null)
            problems.Add(new("$.name", Words.Current["Definitions.DefinitionParser.AWorkflowNeedsANameE"].Value));
        CheckArrayOfObjects(root, "stages", problems, (item, path) => { RequireString(item, "id", $"{path}.id", problems); if (item["name"] is null) problems.Add(new($"{path}.name", Words.Current["Definitions.DefinitionParser.AStageNeedsAName"].Value)); });
        CheckArrayOfObjects(root, "variables", problems, (item, path) => RequireString(item, "name", $"{path}.name", problems));
        if (root["activities"] is null)
            problems.Add(new("$.activities", Words.Current["Definitions.DefinitionParser.AWorkflowNeedsAListOf"].Value));
        CheckArrayOfObjects(root, "activities", problems, (item, path) =>
        {
            RequireString(item, "id", $"{path}.id", problems);
            RequireString(item, "type", $"{path}.type", problems);
            if (item["inputs"] is not null and not JsonObject)
                problems.Add(new($"{path}.inputs", Words.Current["Definitions.DefinitionParser.InputsAreAJSONObjectOf"].Value));
        });
        CheckArrayOfObjects(root, "connections", problems, (item, path) =>
        {
            RequireString(item, "from", $"{path}.from", problems);
            RequireString(item, "outcome", $"{path}.outcome", problems);
            RequireString(item, "to", $"{path}.to", problems);
        });
        return problems;
    }

    private List<DefinitionProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Stages.Count; i++)
            if (!stageIds.Add(definition.Stages[i].Id))
                problems.Add(new($"$.stages[{i}].id", Words.Current["Definitions.DefinitionParser.TheStageIdIsUsedTwice", definition.Stages[i].Id].Value));

        var variableNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Variables.Count; i++)
            if (!variableNames.Add(definition.Variables[i].Name))
                problems.Add(new($"$.variables[{i}].name", Words.Current["Definitions.DefinitionParser.TheVariableIsDeclaredTwice", definition.Variables[i].Name].Value));

        if (definition.Activities.Count == 0)
            problems.Add(new("$.activities", Words.Current["Definitions.DefinitionParser.AWorkflowNeedsAtLeastOne"].Value));

        var activityIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            var path = $"$.activities[{i}]";
            if (!activityIds.Add(activity.Id))
                problems.Add(new($"{path}.id", Words.Current["Definitions.DefinitionParser.TheActivityIdIsUsedTwice", activity.Id].Value));
            if (activity.Stage is not null && !stageIds.Contains(activity.Stage))
                problems.Add(new($"{path}.stage", Words.Current["Definitions.DefinitionParser.TheStageIsNotAmongThe", activity.Stage, string.Join(", ", stageIds)].Value));
            if (!registry.IsKnown(activity.Type))
            {
                problems.Add(new($"{path}.type", Words.Current["Definitions.DefinitionParser.UnknownActivityType", activity.Type].Value));
                continue;
            }
            problems.AddRange(registry.ValidateInputs(new ActivityValidationContext(definition, activity, path)));
        }

        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var path = $"$.connections[{i}]";
            var from = definition.Activities.FirstOrDefault(a => a.Id == connection.From);
            if (from is null)
                problems.Add(new($"{path}.from", Words.Current["Definitions.DefinitionParser.TheConnectionStartsAtWhichIs", connection.From].Value));
            else if (registry.IsKnown(from.Type))
            {
                var outcomes = registry.Descriptor(from.Type).Outcomes;
                if (!outcomes.Contains("*") && !outcomes.Contains(connection.Outcome, StringComparer.OrdinalIgnoreCase))
                    problems.Add(new($"{path}.outcome", Words.Current["Definitions.DefinitionParser.HasNoOutcomeItHas", from.Type, connection.Outcome, string.Join(", ", outcomes)].Value));
            }
            if (!activityIds.Contains(connection.To))
                problems.Add(new($"{path}.to", Words.Current["Definitions.DefinitionParser.TheConnectionLeadsToWhichIs", connection.To].Value));
        }

        if (definition.Activities.Count > 0)
            problems.AddRange(CheckStartAndReachability(definition));
        return problems;
    }

    private static IEnumerable<DefinitionProblem> CheckStartAndReachability(WorkflowDefinition definition)
    {
        string start;
        if (definition.Start is not null)
        {
            if (definition.Activities.All(a => a.Id != definition.Start))
            {
                yield return new("$.start", Words.Current["Definitions.DefinitionParser.TheStartIsNotAnActivity", definition.Start].Value);
                yield break;
            }
            start = definition.Start;
        }
        else
        {
            var roots = definition.Activities.Where(a => definition.Connections.All(c => c.To != a.Id)).Select(a => a.Id).ToList();
            if (roots.Count == 0)
            {
                yield return new("$.start", Words.Current["Definitions.DefinitionParser.ThereIsNoStartActivityEvery"].Value);
                yield break;
            }
            if (roots.Count > 1)
            {
                yield return new("$.start", Words.Current["Definitions.DefinitionParser.SeveralActivitiesCouldBeTheStart", string.Join(", ", roots)].Value);
                yield break;
            }
            start = roots[0];
        }

        var reached = new HashSet<string> { start };
        var frontier = new Queue<string>([start]);
        while (frontier.TryDequeue(out var id))
            foreach (var next in definition.Connections.Where(c => c.From == id).Select(c => c.To))
                if (reached.Add(next)) frontier.Enqueue(next);
        for (var i = 0; i < definition.Activities.Count; i++)
            if (!reached.Contains(definition.Activities[i].Id))
                yield return new($"$.activities[{i}]", Words.Current["Definitions.DefinitionParser.CannotBeReachedFromTheStart", definition.Activities[i].Id, start].Value);
    }

    private static void CheckArrayOfObjects(JsonObject root, string name, List<DefinitionProblem> problems, Action<JsonObject, string> check)
    {
        var node = root[name];
        if (node is null) return;
        if (node is not JsonArray array)
        {
            problems.Add(new($"$.{name}", Words.Current["Definitions.DefinitionParser.IsAList", name].Value));
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item) check(item, $"$.{name}[{i}]");
            else problems.Add(new($"$.{name}[{i}]", Words.Current["Definitions.DefinitionParser.ExpectedAnObject"].Value));
        }
    }

    private static void RequireString(JsonObject item, string member, string path, List<DefinitionProblem> problems)
    {
        if (item[member] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            problems.Add(new(path, Words.Current["Definitions.DefinitionParser.IsRequiredAndIsANon", member].Value));
    }

    private static ParsedDefinition Fail(DefinitionProblem problem) => new(null, [problem]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
