using System.Net;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>
/// Eight members asked through a real SMTP server: six answer through their links, reminders reach only the two
/// others, and at the deadline the step continues or escalates as configured. Days pass on a fake clock; the
/// timers fire through the sweep, as after any restart.
/// </summary>
public sealed class AskMembersSmtpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(NextMondayMorning());
    private readonly TempFolder _folder = new();
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    /// <summary>
    /// The clock starts at a working Monday morning after the real now: the host's data protection (anti-forgery
    /// tokens) reads the same clock, and keys made at the real time must not look as if from the future.
    /// </summary>
    internal static DateTimeOffset NextMondayMorning()
    {
        var day = DateTimeOffset.UtcNow.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return new DateTimeOffset(day.AddHours(8), TimeSpan.Zero);
    }

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        _app = new KoostooApp(_folder, Network.Smtp(_smtp.Port), services => services.AddSingleton<TimeProvider>(_time));
        _scenario = new AskScenario(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    private async Task PassAsync(TimeSpan time)
    {
        _time.Advance(time);
        await _app.Services.GetRequiredService<DueTimers>().FireAllDueAsync();
    }

    private async Task<(System.Text.Json.Nodes.JsonObject Network, Dictionary<string, string> Links)> EightAskedSixAnswerAsync(string onDeadline, string? extendBy = null)
    {
        await _scenario.PublishAsync(AskScenario.Definition(onDeadline: onDeadline, reminders: ["P1D"], extendBy: extendBy));
        var network = await _scenario.LaunchAsync(8);

        var requests = await _smtp.WaitForMessagesAsync(8, TimeSpan.FromSeconds(30));
        requests.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(Enumerable.Range(1, 8).Select(AskScenario.Email));
        requests.Should().OnlyContain(m => m.Headers["Auto-Submitted"] == "auto-generated");
        requests.Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(3)).Subject
            .Should().Be("Kooli võrgustik: please answer – Will you take part in the network?", "member 3 reads English");
        requests.Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(1)).Subject
            .Should().Be("Kooli võrgustik: palun vasta – Kas osaled võrgustikus?");
        var links = requests.ToDictionary(m => m.To.Mailboxes.Single().Address, m => AskScenario.LinkIn(m.TextBody ?? ""));

        foreach (var i in Enumerable.Range(1, 6))
            (await _scenario.AnswerAsync(links[AskScenario.Email(i)], join: i != 2, note: $"vastus {i}")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var open = (await _scenario.NetworkAsync(network))["openSteps"]!.AsArray().Single()!;
        open["answered"]!.GetValue<int>().Should().Be(6);
        open["respondents"]!.AsArray().Where(r => !r!["answered"]!.GetValue<bool>()).Select(r => r!["name"]!.GetValue<string>())
            .Should().BeEquivalentTo("Liige 7", "Liige 8");

        // Tuesday 10:00: the reminder goes to the two who are silent, and to nobody else.
        await PassAsync(TimeSpan.FromDays(1));
        var all = await _smtp.WaitForMessagesAsync(10, TimeSpan.FromSeconds(30));
        var reminders = all.Where(m => m.Subject is { } s && (s.StartsWith("Meeldetuletus", StringComparison.Ordinal) || s.StartsWith("Reminder", StringComparison.Ordinal))).ToList();
        reminders.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(AskScenario.Email(7), AskScenario.Email(8));
        return (network, links);
    }

    [Fact]
    public async Task Six_of_eight_answer_the_two_silent_are_reminded_and_at_the_deadline_the_step_continues_once()
    {
        var (network, links) = await EightAskedSixAnswerAsync("continue");

        await PassAsync(TimeSpan.FromDays(2));

        var instance = await _scenario.InstanceAsync(network);
        instance["waiting"]!.AsArray().Select(w => w!["activityId"]!.GetValue<string>()).Should().Equal("after");
        var answers = instance["variables"]!["ask"]!;
        answers["answered"]!.GetValue<int>().Should().Be(6);
        answers["silent"]!.AsArray().Select(n => n!.GetValue<string>()).Should().BeEquivalentTo("Liige 7", "Liige 8");
        answers["counts"]!["join"]!["true"]!.GetValue<int>().Should().Be(5);
        var journal = await _scenario.JournalAsync(network);
        journal.Count(j => j.ActivityId == "after" && j.Event == JournalEvent.Started).Should().Be(1);
        journal.Single(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Outcome.Should().Be("Timeout");

        // The step is closed: a late answer gets the closed page and changes nothing.
        using var late = _scenario.Browser();
        var (response, html, _) = await AskScenario.OpenAsync(late, links[AskScenario.Email(7)]);
        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        html.Should().Contain("See samm on suletud").And.Contain("kati@vald.example");
        _smtp.Messages().Should().HaveCount(10, "no email after the deadline with 'continue'");
    }

    [Fact]
    public async Task With_escalate_the_coordinator_learns_who_is_silent_and_closing_the_step_moves_on_once()
    {
        var (network, _) = await EightAskedSixAnswerAsync("escalate");

        await PassAsync(TimeSpan.FromDays(2));

        var escalation = (await _smtp.WaitForMessagesAsync(11, TimeSpan.FromSeconds(30))).Single(m => m.To.Mailboxes.Single().Address == "kati@vald.example");
        escalation.Subject.Should().Be("Kooli võrgustik: 2 vastust on puudu – Kas osaled võrgustikus?");
        escalation.TextBody.Should().Contain("Vastas 6 inimest 8-st").And.Contain("- Liige 7").And.Contain("- Liige 8").And.NotContain("Liige 1\n");
        (await _scenario.InstanceAsync(network))["waiting"]!.AsArray().Select(w => w!["activityId"]!.GetValue<string>())
            .Should().NotContain("after", "an escalated step waits for the coordinator");

        var closed = await _scenario.Api.PostAsync($"/api/networks/{network["id"]}/steps/ask/close", null);
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _scenario.Api.PostAsync($"/api/networks/{network["id"]}/steps/ask/close", null)).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "the step is no longer waiting");

        var journal = await _scenario.JournalAsync(network);
        journal.Count(j => j.ActivityId == "after" && j.Event == JournalEvent.Started).Should().Be(1);
        journal.Single(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Outcome.Should().Be("Timeout");
    }

    [Fact]
    public async Task With_extend_the_silent_hear_the_new_deadline_once_and_the_step_continues_after_it()
    {
        var (network, _) = await EightAskedSixAnswerAsync("extend", extendBy: "P2D");

        await PassAsync(TimeSpan.FromDays(2));

        var extended = (await _smtp.WaitForMessagesAsync(12, TimeSpan.FromSeconds(30))).Where(m => m.TextBody?.Contains("Tähtaega pikendati") == true).ToList();
        extended.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(AskScenario.Email(7), AskScenario.Email(8));
        (await _scenario.InstanceAsync(network))["waiting"]!.AsArray().Select(w => w!["activityId"]!.GetValue<string>())
            .Should().NotContain("after", "the extended step still waits");

        await PassAsync(TimeSpan.FromDays(2));

        var journal = await _scenario.JournalAsync(network);
        journal.Single(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Outcome.Should().Be("Timeout");
        journal.Count(j => j.ActivityId == "after" && j.Event == JournalEvent.Started).Should().Be(1);
        _smtp.Messages().Should().HaveCount(12, "extended once: the second deadline continues without more mail");
    }
}
