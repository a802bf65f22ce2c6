using Koostoo.Language;
using Koostoo.Host.Accounts;
using System.Text.Json.Nodes;
using Koostoo.Activities.Requests;
using Koostoo.Networks.Launch;
using Koostoo.Service.Access;
using Koostoo.Service.Networks;
using Koostoo.Workflows.Definitions;

namespace Koostoo.Host.Api;

public static class NetworkEndpoints
{
    public static void MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var networks = app.MapGroup("/api/networks").WithTags("Networks")
            .Audit(Koostoo.Service.Accounts.AuditAction.NetworkViewed, Koostoo.Service.Accounts.AuditAction.NetworkChanged);

        networks.MapPost("/", async (LaunchRequest request, string? lang, NetworkLauncher launcher, NetworkReader reader, Actor actor, CancellationToken ct) =>
        {
            var network = await launcher.LaunchAsync(actor, request, ct);
            return Results.Created($"/api/networks/{network.Id}", await reader.GetAsync(actor, network.Id, Languages.Or(lang), ct));
        }).WithMetadata(Security.BodyLimits.Of(Security.BodyLimits.Launch))
          .WithSummary("Launch a network: create it with its members and start its workflow (the invitations go out).");

        networks.MapGet("/", (string? coordinator, NetworkReader reader, Actor actor, CancellationToken ct) => reader.ListAsync(actor, coordinator, ct))
            .WithSummary("Every network, newest first, with its stage; ?coordinator=EMAIL for one coordinator's networks.");

        networks.MapGet("/{id:guid}", (Guid id, string? lang, NetworkReader reader, Actor actor, CancellationToken ct) => reader.GetAsync(actor, id, Languages.Or(lang), ct))
            .WithSummary("One network: its stages, members, the steps waiting for answers and who has and has not answered, the goal, the actions (overdue flagged), meetings, history (in Estonian; ?lang=en in English, ?lang=ru in Russian).");

        networks.MapPost("/{id:guid}/cancel", async (Guid id, string? lang, NetworkCancellation cancellation, NetworkReader reader, Actor actor, CancellationToken ct) =>
        {
            await cancellation.CancelAsync(actor, id, ct);
            return Results.Ok(await reader.GetAsync(actor, id, Languages.Or(lang), ct));
        }).WithSummary("Cancel the network: its workflow stops (no more reminders), open steps close, links say so. Twice is a 409.");

        networks.MapPost("/{id:guid}/members", async (Guid id, MemberDraft member, Membership membership, Actor actor, CancellationToken ct) =>
        {
            var added = await membership.AddAsync(actor, id, member, ct);
            return Results.Created($"/api/networks/{id}/members/{added.Id}",
                new MemberView(added.Id, added.Name, added.Organisation, added.Sector, added.Email, added.Phone, added.Language, added.Role, added.Status));
        }).WithSummary("Add a member mid-cycle: asked in the next steps, or now with the step command add-member.");

        networks.MapDelete("/{id:guid}/members/{memberId:guid}", async (Guid id, Guid memberId, string? lang, Membership membership, NetworkReader reader, Actor actor, CancellationToken ct) =>
        {
            await membership.RemoveAsync(actor, id, memberId, ct);
            return Results.Ok(await reader.GetAsync(actor, id, Languages.Or(lang), ct));
        }).WithSummary("A member leaves: no longer asked, and no waiting step counts them any more.");

        networks.MapGet("/{id:guid}/members/{memberId:guid}/export", (Guid id, Guid memberId, MemberErasure erasure, Actor actor, CancellationToken ct) =>
            erasure.ExportAsync(actor, id, memberId, ct))
            .WithSummary("Everything the service holds about one member, as JSON (a subject access request): take it before an erasure.");

        networks.MapPost("/{id:guid}/members/{memberId:guid}/erase", async (Guid id, Guid memberId, string? lang, MemberErasure erasure, NetworkReader reader, Actor actor, CancellationToken ct) =>
        {
            await erasure.EraseAsync(actor, id, memberId, ct);
            return Results.Ok(await reader.GetAsync(actor, id, Languages.Or(lang), ct));
        }).WithSummary("Erase a member on their request: name, address and phone replaced everywhere, their answers kept without them, their links dead, their queued mail dropped.");

        networks.MapPost("/{id:guid}/help/{helpId:guid}/resolve", async (Guid id, Guid helpId, string? lang, ActionHelp help, NetworkReader reader, Actor actor, CancellationToken ct) =>
        {
            await help.ResolveAsync(actor, id, helpId, ct);
            return Results.Ok(await reader.GetAsync(actor, id, Languages.Or(lang), ct));
        }).WithSummary("Mark an owner's request for help (a check-in answered 'late, I need help', listed in helpRequests) resolved; twice is a 409.");

        networks.MapPost("/{id:guid}/steps/{activityId}/{command}", async (Guid id, string activityId, string command, string? lang, HttpRequest http,
            StepCommands commands, Membership membership, NetworkReader reader, Actor actor, CancellationToken ct) =>
        {
            if (!StepCommands.Names.Contains(command))
                return Results.Problem(statusCode: 404, title: Words.Current["Problems.Title.NotFound"], detail: Words.Current["Problems.UnknownCommand", command, string.Join(", ", StepCommands.Names)]);
            var (json, problem) = await OptionalJsonBody.ReadAsync(http, Words.Current["Problems.TheCommand"], ct);
            if (problem is not null) return problem;
            if (json is not null and not JsonObject) return Results.Problem(statusCode: 400, title: Words.Current["Problems.Title.BadRequest"], detail: Words.Current["Problems.CommandIsObject"]);
            var (step, bad) = Read(command, json?.AsObject() ?? []);
            if (step is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { [bad!.Value.Field] = [bad.Value.Message] },
                    detail: bad.Value.Message, title: Words.Current["Problems.Title.BadRequest"]);
            if (step is StepCommand.AddMember add) await membership.EnsureActiveAsync(actor, id, add.MemberId, ct);
            await commands.SendAsync(actor, id, activityId, step, ct);
            return Results.Ok(await reader.GetAsync(actor, id, Languages.Or(lang), ct));
        }).Accepts<JsonObject>("application/json")
          .WithSummary("A coordinator's command on a waiting step: remind (now, the silent only), extend { by }, close, add-member { memberId }.");
    }

    /// <summary>The command a coordinator's request names, from the URL's name and the body's fields; or what is wrong with it.</summary>
    private static (StepCommand? Command, (string Field, string Message)? Problem) Read(string name, JsonObject body) => name switch
    {
        "extend" => IsoDuration.TryParse(Text(body["by"]), out var by) && by > TimeSpan.Zero
            ? (new StepCommand.Extend(by), null)
            : (null, ("by", Words.Current["Problems.GiveExtension"].Value)),
        "add-member" => Guid.TryParse(Text(body["memberId"]), out var memberId)
            ? (new StepCommand.AddMember(memberId), null)
            : (null, ("memberId", Words.Current["Problems.GiveMember"].Value)),
        "close" => (new StepCommand.Close(), null),
        // The name was checked against the commands first: what is left is remind.
        _ => (new StepCommand.Remind(), null),
    };

    /// <summary>A field's text, or null when it is missing or not a string (a number where a duration belongs is a 400, not a 500).</summary>
    private static string? Text(JsonNode? field) => field is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
