using System.Globalization;
using System.Net;
using Hangfire;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using Koostoo.Service.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>Due dates through the real host, with days passing on a fake clock: none in the past, and never two mails for one action at once.</summary>
public sealed class DueDateTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(AskMembersSmtpTests.NextMondayMorning());
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, services: services => services.AddSingleton<TimeProvider>(_time));
        _scenario = new AskScenario(_app);
        await _scenario.PublishAsync(PlanScenario.Definition());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<T> WithDbAsync<T>(Func<KoostooDbContext, Task<T>> work) =>
        Task.Run(async () =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<KoostooDbContext>());
        });

    [Fact]
    public async Task A_due_date_before_today_is_refused_beside_the_field_and_nothing_is_saved()
    {
        await _scenario.LaunchAsync(2);
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var browser = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(browser, link);

        var refused = await AskScenario.PostAsync(browser, link, form, ("action", "Kodukülastus"), ("due", Iso(Today.AddDays(-30))), ("confirm", "yes"));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var dueField = html[html.IndexOf("Mis ajaks", StringComparison.Ordinal)..];
        dueField[..dueField.IndexOf("</fieldset>", StringComparison.Ordinal)]
            .Should().Contain($"See kuupäev on möödas: vali täna ({Today:dd.MM.yyyy}) või hilisem päev.", "the message is beside the due date");
        html.Should().Contain("value=\"Kodukülastus\"", "what was typed is kept");
        (await WithDbAsync(db => db.Set<ActionItem>().CountAsync())).Should().Be(0);
        (await WithDbAsync(db => db.Set<StepRequest>().CountAsync(r => r.Answer != null))).Should().Be(0, "nothing is saved");

        var accepted = await AskScenario.PostAsync(browser, link, form, ("action", "Kodukülastus"), ("due", Iso(Today)), ("confirm", "yes"));
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect, "today is not past");
        (await WithDbAsync(db => db.Set<ActionItem>().SingleAsync())).DueOn.Should().Be(Today);
    }

    [Fact]
    public async Task An_action_already_overdue_when_followed_gets_one_reminder_and_no_check_in_beside_it()
    {
        await _scenario.LaunchAsync(2);
        var links = await _scenario.LinksAsync();
        (await _scenario.AnswerAsync(links[AskScenario.Email(1)], ("action", "Kodukülastus"), ("due", Iso(Today.AddDays(1))), ("confirm", "yes")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        _time.Advance(TimeSpan.FromDays(4));
        (await _scenario.AnswerAsync(links[AskScenario.Email(2)], ("action", "Kokkuvõte"), ("due", Iso(Today.AddDays(20))), ("confirm", "yes")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The plan closed with member 1's action three days overdue: following it starts with the overdue reminder only.
        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(TimerJobs.SweepJobId);
        var outbox = await _app.WaitForOutboxAsync(null, rows => rows.Any(m => m.Subject.Contains("üle tähtaja", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        outbox = await _app.OutboxAsync();
        var toFirst = outbox.Where(m => m.ToAddress == AskScenario.Email(1) && !m.Subject.Contains("Millise tegevuse", StringComparison.Ordinal)).ToList();
        toFirst.Select(m => m.Subject).Should().ContainSingle().Which.Should().StartWith("Meeldetuletus");
        toFirst[0].TextBody.Should().Contain($"Tegevuse tähtaeg oli {Koostoo.Networks.DateText.InWords(Today.AddDays(-3), "et")}.");
        outbox.Where(m => m.ToAddress == AskScenario.Email(2) && m.Subject.Contains("Kuidas läheb", StringComparison.Ordinal)).Should().BeEmpty("due in 16 days: its check-in waits");
    }
}
