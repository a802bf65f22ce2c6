using Koostoo.Language;
using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Workflows.Runtime;

/// <summary>
/// The activity types the engine knows, found by their <see cref="ActivityAttribute"/>. Makes the
/// descriptors for the designer and creates activity objects with their inputs bound.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Registration> _types = new(StringComparer.Ordinal);

    private sealed record Registration(Type ClrType, ActivityDescriptor Descriptor, IReadOnlyList<(PropertyInfo Property, InputDescriptor Input)> Inputs);

    public ActivityRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            var attribute = type.GetCustomAttribute<ActivityAttribute>();
            if (attribute is null || type.IsAbstract || !typeof(Activity).IsAssignableFrom(type)) continue;
            // Activities take their services from the context, so the registry can make one to read defaults and validate.
            if (type.GetConstructor(Type.EmptyTypes) is null)
                throw new InvalidOperationException($"Activity '{type.Name}' needs a parameterless constructor; take services from ActivityContext.Services.");
            if (_types.ContainsKey(attribute.Type))
                throw new InvalidOperationException($"Two activity classes claim the type '{attribute.Type}'.");
            _types[attribute.Type] = Describe(type, attribute);
        }
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors =>
        _types.Values.Select(r => r.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type).ToList();

    public bool IsKnown(string type) => _types.ContainsKey(type);

    public ActivityDescriptor Descriptor(string type) => _types[type].Descriptor;

    /// <summary>Creates the activity with its inputs bound; a definition that passed validation always binds.</summary>
    public Activity Create(ActivityDefinition definition)
    {
        var registration = _types.TryGetValue(definition.Type, out var r)
            ? r : throw new InvalidOperationException(Words.Current["Definitions.DefinitionParser.UnknownActivityType", definition.Type].Value);
        var activity = (Activity)Activator.CreateInstance(registration.ClrType)!;
        foreach (var (property, input) in registration.Inputs)
        {
            if (definition.Inputs.TryGetPropertyValue(input.Name, out var node) && node is not null)
                property.SetValue(activity, node.Deserialize(property.PropertyType, WorkflowJson.Options));
        }
        return activity;
    }

    /// <summary>Type, required and binding problems of one activity's inputs, then its own checks.</summary>
    public IEnumerable<DefinitionProblem> ValidateInputs(ActivityValidationContext context)
    {
        var registration = _types[context.Activity.Type];
        var problems = new List<DefinitionProblem>();
        var known = registration.Inputs.Select(i => i.Input.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in context.Activity.Inputs.Select(p => p.Key).Where(k => !known.Contains(k)))
            problems.Add(new(context.InputPath(name), Words.Current["Runtime.ActivityRegistry.HasNoInputItsInputsAre", context.Activity.Type, name, string.Join(", ", known)].Value));

        var activity = (Activity)Activator.CreateInstance(registration.ClrType)!;
        foreach (var (property, input) in registration.Inputs)
        {
            context.Activity.Inputs.TryGetPropertyValue(input.Name, out var node);
            if (node is null)
            {
                // A required input with a default is never missing: the default stands in (AskMembers asks "members").
                if (input.Required && input.Default is null) problems.Add(new(context.InputPath(input.Name), Words.Current["Runtime.ActivityRegistry.IsRequiredFor", input.Name, context.Activity.Type].Value));
                continue;
            }
            object? value;
            try
            {
                value = node.Deserialize(property.PropertyType, WorkflowJson.Options);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                problems.Add(new(context.InputPath(input.Name), Words.Current["Runtime.ActivityRegistry.ShouldBe", input.Name, Article(input.Type)].Value));
                continue;
            }
            if (input.Required && IsEmpty(value))
                problems.Add(new(context.InputPath(input.Name), Words.Current["Runtime.ActivityRegistry.IsRequiredForAndIsEmpty", input.Name, context.Activity.Type].Value));
            property.SetValue(activity, value);
        }
        if (problems.Count > 0) return problems;
        return activity.Validate(context);
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        LocalizedText t => t.IsEmpty,
        ICollection c => c.Count == 0,
        _ => false,
    };

    private static string Article(string type) => type switch
    {
        "int" => "a whole number",
        "number" => "a number",
        "bool" => "true or false",
        "text" => "a text like { \"et\": \"...\", \"en\": \"...\" }",
        "string[]" => "a list of strings",
        _ => $"of type {type}",
    };

    private static Registration Describe(Type type, ActivityAttribute attribute)
    {
        var defaults = Activator.CreateInstance(type)!;
        var inputs = new List<(PropertyInfo, InputDescriptor)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var input = property.GetCustomAttribute<InputAttribute>();
            if (input is null) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var typeName = TypeName(property.PropertyType);
            var defaultValue = property.GetValue(defaults);
            inputs.Add((property, new InputDescriptor(
                name,
                typeName,
                input.UiHint ?? DefaultUiHint(typeName),
                input.Required,
                IsEmpty(defaultValue) ? null : JsonSerializer.SerializeToNode(defaultValue, property.PropertyType, WorkflowJson.Options),
                new LocalizedText(name),
                input.Options)));
        }
        var descriptor = new ActivityDescriptor(
            attribute.Type,
            attribute.Category,
            new LocalizedText(attribute.Type),
            new LocalizedText(""),
            inputs.Select(i => i.Item2).ToList(),
            attribute.Outcomes);
        return new Registration(type, descriptor, inputs);
    }

    private static string TypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "string";
        if (type == typeof(int) || type == typeof(long)) return "int";
        if (type == typeof(double) || type == typeof(decimal)) return "number";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(LocalizedText)) return "text";
        if (typeof(JsonNode).IsAssignableFrom(type)) return "json";
        if (type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type)) return "string[]";
        if (type.IsEnum) return "string";
        return "object";
    }

    private static string DefaultUiHint(string typeName) => typeName switch
    {
        "text" => "localized",
        "bool" => "checkbox",
        "int" or "number" => "number",
        "json" or "object" => "json",
        "string[]" => "list",
        _ => "text",
    };
}
