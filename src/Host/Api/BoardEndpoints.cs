using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Board;

namespace Koostoo.Host.Api;

public static class BoardEndpoints
{
    /// <summary>The steps of several networks a reminder is asked for at once: enough for any coordinator's board.</summary>
    private const int MostStepsAtOnce = 200;

    public static void MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/api/board").WithTags("Board");

        board.MapGet("/", (Guid? network, string? stage, string? person, bool? overdue, string? lang, CoordinatorBoard reader, Actor actor, CancellationToken ct) =>
            reader.ReadAsync(actor, new BoardFilter(network, stage, person, overdue ?? false), Languages.Or(lang), ct))
            .WithSummary("Who owes what across the networks you may see: each waiting step with who is silent and for how long and the reminders sent, and actions past due or reported late. Filters: network, stage, person (part of a name), overdue.");

        board.MapPost("/remind", async (RemindSteps body, CoordinatorBoard reader, Actor actor, CancellationToken ct) =>
        {
            if (body.Steps is not { Count: > 0 } steps)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["steps"] = [Words.Current["Problems.NameAStep"]] }, title: Words.Current["Problems.Title.BadRequest"]);
            if (steps.Count > MostStepsAtOnce)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["steps"] = [Words.Current["Problems.AtMostSteps", MostStepsAtOnce]] }, title: Words.Current["Problems.Title.BadRequest"]);
            if (steps.FirstOrDefault(s => s.NetworkId == Guid.Empty || string.IsNullOrWhiteSpace(s.ActivityId)) is not null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["steps"] = [Words.Current["Problems.StepHasIds"]] }, title: Words.Current["Problems.Title.BadRequest"]);
            return Results.Ok(await reader.RemindAsync(actor, steps, ct));
        }).WithSummary("Remind the silent people of the steps chosen, in one go; a step reminded by hand a short while ago is left out with the time it can be (possibleAt).");
    }

    public sealed record RemindSteps(IReadOnlyList<StepRef>? Steps);
}
