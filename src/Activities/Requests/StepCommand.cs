using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Koostoo.Activities.Requests;

/// <summary>
/// A coordinator's command on a step that waits for people (<see cref="PeopleStep"/>), delivered as the stimulus of the
/// step's command bookmark: <c>{ "command": "extend", "by": "P2D" }</c>. One contract for every such step, so what the
/// service sends and what the step reads cannot drift apart.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(Remind), "remind")]
[JsonDerivedType(typeof(Extend), "extend")]
[JsonDerivedType(typeof(Close), "close")]
[JsonDerivedType(typeof(AddMember), "add-member")]
[JsonDerivedType(typeof(RemoveMember), "remove-member")]
public abstract record StepCommand
{
    /// <summary>Remind now those the step still waits for.</summary>
    public sealed record Remind : StepCommand;

    /// <summary>Move the step's deadline later by <paramref name="By"/> (an ISO 8601 duration on the wire).</summary>
    public sealed record Extend([property: JsonConverter(typeof(IsoDurationConverter))] TimeSpan By) : StepCommand;

    /// <summary>Close the step with what it has.</summary>
    public sealed record Close : StepCommand;

    /// <summary>Ask a member of the network, one who joined after the step started, in this step too.</summary>
    public sealed record AddMember(Guid MemberId) : StepCommand;

    /// <summary>A member left the network: the step no longer waits for them.</summary>
    public sealed record RemoveMember(Guid MemberId) : StepCommand;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public JsonNode ToStimulus() => JsonSerializer.SerializeToNode(this, Json)!;

    public static StepCommand FromStimulus(JsonNode? stimulus) =>
        stimulus.Deserialize<StepCommand>(Json) ?? throw new JsonException("A step command is a JSON object with a \"command\".");
}
