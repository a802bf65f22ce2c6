using Koostoo.Language;
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
[JsonDerivedType(typeof(AddAction), "add-action")]
[JsonDerivedType(typeof(EditAction), "edit-action")]
[JsonDerivedType(typeof(ReassignAction), "reassign-action")]
[JsonDerivedType(typeof(DropAction), "drop-action")]
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

    /// <summary>
    /// The coordinator shapes the action plan that a step follows (TrackActions): the service has checked the command
    /// against the network (an active owner, a due date not past, an open action), the step carries it out in its own
    /// transaction.
    /// </summary>
    public abstract record PlanCommand : StepCommand;

    /// <summary>A new action with its owner (a member) and due date; <paramref name="ActionId"/> is chosen by the service.</summary>
    public sealed record AddAction(Guid ActionId, string What, Guid OwnerMemberId, DateOnly DueOn, string? Needs) : PlanCommand;

    /// <summary>An action's words and due date, as they are to be.</summary>
    public sealed record EditAction(Guid ActionId, string What, DateOnly DueOn) : PlanCommand;

    /// <summary>An action goes to another member: check-ins and reminders reach them from now on.</summary>
    public sealed record ReassignAction(Guid ActionId, Guid OwnerMemberId) : PlanCommand;

    /// <summary>An action leaves the plan: nobody is asked about it any more.</summary>
    public sealed record DropAction(Guid ActionId) : PlanCommand;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public JsonNode ToStimulus() => JsonSerializer.SerializeToNode(this, Json)!;

    public static StepCommand FromStimulus(JsonNode? stimulus) =>
        stimulus.Deserialize<StepCommand>(Json) ?? throw new JsonException(Words.Current["Requests.StepCommand.AStepCommandIsAJSON"].Value);
}
