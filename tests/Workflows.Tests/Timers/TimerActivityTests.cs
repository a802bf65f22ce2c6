using System.Text.Json.Nodes;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests.Timers;

/// <summary>Timer activities on the engine with time moved by hand; the sweep fires what is due.</summary>
public sealed class TimerActivityTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Tallinn.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private EngineHost _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHost.StartAsync(time: _time);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private DueTimers Timers => _engine.Services.GetRequiredService<DueTimers>();

    private async Task<Guid> StartAsync(string json, JsonObject? input = null)
    {
        await _engine.PublishAsync(json);
        return (await _engine.Runtime.StartAsync(JsonNode.Parse(json)!["id"]!.GetValue<string>(), input)).Id;
    }

    [Fact]
    public async Task Delay_waits_for_its_duration_then_continues()
    {
        var id = await StartAsync(Flow("delay", [Act("wait", "Delay", new { duration = "P3D" }), Act("end", "Finish")], [Link("wait", "end")]));

        (await _engine.OpenBookmarksAsync(id)).Should().ContainSingle()
            .Which.DueAt.Should().Be(_time.GetUtcNow().AddDays(3));

        _time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        (await Timers.FireAllDueAsync()).Should().Be(0);
        (await _engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended);

        _time.Advance(TimeSpan.FromSeconds(1));
        (await Timers.FireAllDueAsync()).Should().Be(1);
        (await _engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Finished);
    }

    [Fact]
    public async Task A_timer_fired_twice_resumes_once()
    {
        var id = await StartAsync(Flow("twice", [Act("wait", "Delay", new { duration = "PT1M" }), Act("end", "Finish")], [Link("wait", "end")]));
        var timer = (await _engine.OpenBookmarksAsync(id)).Single();
        _time.Advance(TimeSpan.FromMinutes(1));

        (await Timers.FireAsync(timer.Id)).Should().Be(ResumeStatus.Resumed);
        (await Timers.FireAsync(timer.Id)).Should().Be(ResumeStatus.AlreadyResumed);
        (await _engine.JournalAsync(id)).Count(j => j.Event == Journal.JournalEvent.Resumed).Should().Be(1);
    }

    [Fact]
    public async Task Cron_timer_waits_for_the_next_occurrence_in_Tallinn_time()
    {
        // Every Monday at 09:00 local. It is Monday 10:00, so the next one is a week away, at 07:00 UTC.
        var id = await StartAsync(Flow("cron", [Act("weekly", "Timer", new { cron = "0 9 * * MON" }), Act("end", "Finish")], [Link("weekly", "end")]));

        (await _engine.OpenBookmarksAsync(id)).Single().DueAt.Should().Be(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Cron_timer_keeps_local_time_across_the_clock_change()
    {
        // Tuesday 20 October, summer time (UTC+3); the clocks go back on Sunday 25 October.
        await using var engine = await EngineHost.StartAsync(time: new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero)));
        var json = Flow("cron-dst", [Act("monday", "Timer", new { cron = "0 9 * * MON" }), Act("end", "Finish")], [Link("monday", "end")]);
        await engine.PublishAsync(json);
        var id = (await engine.Runtime.StartAsync("cron-dst")).Id;

        // Monday 26 October is after the change: 09:00 local is 07:00 UTC, not 06:00.
        (await engine.OpenBookmarksAsync(id)).Single().DueAt.Should().Be(new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Timer_at_a_local_date_and_time()
    {
        var id = await StartAsync(Flow("at", [Act("then", "Timer", new { at = "2026-12-01T09:00" }), Act("end", "Finish")], [Link("then", "end")]));

        (await _engine.OpenBookmarksAsync(id)).Single().DueAt.Should().Be(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task StartAt_takes_its_moment_from_a_variable_and_a_past_moment_continues_at_once()
    {
        var json = Flow("start-at", [Act("meeting", "StartAt", new { at = "variables.meetingAt" }), Act("end", "Finish")], [Link("meeting", "end")]);
        var future = await StartAsync(json, new JsonObject { ["meetingAt"] = "2026-11-25T14:00" });
        var past = await _engine.Runtime.StartAsync("start-at", new JsonObject { ["meetingAt"] = "2026-11-20T14:00" });

        (await _engine.OpenBookmarksAsync(future)).Single().DueAt.Should().Be(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        past.Status.Should().Be(InstanceStatus.Finished);
    }

    [Fact]
    public async Task Waiting_step_gets_reminders_outside_quiet_hours_and_times_out_at_the_deadline()
    {
        var id = await StartAsync(Flow("deadline", [
            Act("answer", "WaitForSignal", new { signal = "answered", deadline = "P3D", reminders = new[] { "PT12H", "-PT4H" } }),
            Act("ok", "Finish", new { status = "Answered" }),
            Act("late", "Finish", new { status = "NoAnswer" }),
        ], [Link("answer", "ok"), Link("answer", "late", "Timeout")]));

        var timers = (await _engine.OpenBookmarksAsync(id)).Where(b => b.Kind == BookmarkKind.Timer).OrderBy(b => b.DueAt).ToList();
        timers.Select(t => (t.Key, t.DueAt)).Should().Equal(
            ("reminder:1", new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)),  // 22:00 moved to Tue 08:00
            ("reminder:2", new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero)),  // Thu 06:00 local moved to 08:00 local
            ("deadline", new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero)));

        _time.Advance(TimeSpan.FromDays(1));
        (await Timers.FireAllDueAsync()).Should().Be(1);
        (await _engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended, "a reminder does not end the wait");

        _time.Advance(TimeSpan.FromDays(2));
        (await Timers.FireAllDueAsync()).Should().Be(2);
        var instance = await _engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("NoAnswer");
    }

    [Fact]
    public async Task Answering_before_the_deadline_removes_the_step_timers()
    {
        var id = await StartAsync(Flow("answered", [
            Act("answer", "WaitForSignal", new { signal = "answered", deadline = "P3D", reminders = new[] { "P1D" } }),
            Act("next", "WaitForSignal", new { signal = "later" }),
        ], [Link("answer", "next")]));

        await _engine.Runtime.SignalAsync(id, "answered");

        (await _engine.OpenBookmarksAsync(id)).Should().ContainSingle().Which.Key.Should().Be("later");
        _time.Advance(TimeSpan.FromDays(4));
        (await Timers.FireAllDueAsync()).Should().Be(0);
    }
}
