using Hangfire;
using Hangfire.Storage;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Access;
using Koostoo.Service.Digest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>
/// The digest, on a test clock: the coordinator who chose it daily gets one mail the
/// next morning naming her silent members, not a second one when the job runs again that morning; a coordinator with
/// nothing waiting gets nothing.
/// </summary>
public sealed class DigestTests : IAsyncLifetime
{
    private const string Idle = "mari@vald.example";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, services: services => services.AddSingleton<TimeProvider>(_time));
        _scenario = new AskScenario(_app);
        await _scenario.PublishAsync(AskScenario.Definition(deadline: "P10D"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_daily_digest_comes_once_the_next_morning_and_not_when_nothing_waits()
    {
        await _scenario.LaunchAsync(2, "Kooli võrgustik");
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        await SubscribeAsync(AskScenario.CoordinatorEmail);
        await SubscribeAsync(Idle);

        await RunJobAsync();
        Digests().Should().BeEmpty("the morning of the day they chose it had passed already");

        _time.Advance(TimeSpan.FromHours(19) + TimeSpan.FromMinutes(5)); // 09:05 in Tallinn the next morning
        await RunJobAsync();
        var digest = Digests().Should().ContainSingle().Subject;
        digest.To.Mailboxes.Single().Address.Should().Be(AskScenario.CoordinatorEmail);
        digest.Subject.Should().Be("Koostöö: 1 sammu ootab vastuseid, 0 tegevust hilineb");
        digest.TextBody.Should().Contain("Kooli võrgustik").And.Contain("Liige 1 (19 tundi)").And.Contain("Liige 2 (19 tundi)").And.Contain("/board");

        await RunJobAsync();
        Digests().Should().ContainSingle("one digest a morning, however often the job runs");
    }

    [Fact]
    public async Task A_coordinator_chooses_the_digest_on_its_page_for_her_own_address()
    {
        var coordinator = await _app.CoordinatorClientAsync("kadri@vald.example");
        var page = await coordinator.GetStringAsync("/board/digest");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var saved = await coordinator.PostAsync("/board/digest", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("frequency", "Weekly")]));
        saved.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync("/board/digest?saved=true")).Should().Contain("Salvestatud.")
            .And.MatchRegex("value=\"Weekly\" checked");
        await using var scope = _app.Services.CreateAsyncScope();
        var chosen = await scope.ServiceProvider.GetRequiredService<CoordinatorDigest>()
            .GetAsync(Actor.Staff("x", "", "kadri@vald.example", StaffRoles.Coordinator));
        chosen!.Frequency.Should().Be(DigestFrequency.Weekly);
    }

    private async Task SubscribeAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CoordinatorDigest>()
            .SetAsync(Actor.Staff(email, "", email, StaffRoles.Coordinator), DigestFrequency.Daily, "et");
    }

    /// <summary>
    /// The hourly job's work, run now rather than at its minute (registered with the host's Hangfire, as checked here;
    /// RetentionTests runs a recurring job through Hangfire itself), then its mail delivered.
    /// </summary>
    private async Task RunJobAsync()
    {
        using (var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection())
            connection.GetRecurringJobs().Should().Contain(j => j.Id == CoordinatorDigest.JobId && j.Cron == "5 * * * *", "the host runs it every hour");
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CoordinatorDigest>().SendDueAsync(CancellationToken.None);
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    }

    private List<MimeKit.MimeMessage> Digests() =>
        _app.DeliveredMail().Where(m => (m.Subject ?? "").StartsWith("Koostöö:", StringComparison.Ordinal)).ToList();
}
