using Koostoo.Host.Accounts;
using Koostoo.Service.Access;
using Koostoo.Service.Meetings;

namespace Koostoo.Host.Api;

public static class MeetingEndpoints
{
    public static void MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/networks/{id:guid}/meetings").WithTags("Meetings")
            .Audit(Koostoo.Service.Accounts.AuditAction.NetworkViewed, Koostoo.Service.Accounts.AuditAction.NetworkChanged);

        meetings.MapGet("/", async (Guid id, MeetingPlanner planner, Actor actor, CancellationToken ct) =>
            (await planner.ListAsync(actor, id, ct)).Select(MeetingView.Of).ToList())
            .WithSummary("The network's meetings, earliest first, with their agendas and memos.");

        meetings.MapPost("/", async (Guid id, MeetingDraft draft, MeetingPlanner planner, Actor actor, CancellationToken ct) =>
        {
            var meeting = await planner.ScheduleAsync(actor, id, draft, ct);
            return Results.Created($"/api/networks/{id}/meetings/{meeting.Id}", MeetingView.Of(meeting));
        }).WithSummary("Plan a meeting { title, startsAt, endsAt, place?, onlineLink?, agenda? }: every active member and the coordinator get an invitation with a calendar file.");

        meetings.MapGet("/{meetingId:guid}", async (Guid id, Guid meetingId, MeetingPlanner planner, Actor actor, CancellationToken ct) =>
            MeetingView.Of(await planner.GetAsync(actor, id, meetingId, ct)))
            .WithSummary("One meeting.");

        meetings.MapPut("/{meetingId:guid}", async (Guid id, Guid meetingId, MeetingDraft draft, MeetingPlanner planner, Actor actor, CancellationToken ct) =>
            MeetingView.Of(await planner.ChangeAsync(actor, id, meetingId, draft, ct)))
            .WithSummary("Change a meeting: the invitations go out again and replace the earlier ones in calendars.");

        meetings.MapPut("/{meetingId:guid}/memo", async (Guid id, Guid meetingId, MemoDraft draft, MeetingPlanner planner, Actor actor, CancellationToken ct) =>
            MeetingView.Of(await planner.RecordMemoAsync(actor, id, meetingId, draft, ct)))
            .WithSummary("Record the meeting's memo { memo }.");
    }
}
