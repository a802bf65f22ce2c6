using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Persistence;
using Koostoo.Service.Scheduling;
using Koostoo.Workflows.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Koostoo.EndToEnd.Tests.Versions;

/// <summary>
/// A network waits in its roles stage, half its members have answered, and the admin publishes a version of the lifecycle
/// that renames the step and adds a reminder to it. Moving the network there keeps the answers and the members' links, and
/// the new reminder goes out on time; the renamed step has to be mapped by hand, and until it is the network stays as it
/// was. The real host over SQLite, its own Hangfire server running the timer sweep, days passing on a fake clock.
/// </summary>
public sealed class RolesMigrationTests : IAsyncLifetime
{
    private const string Lifecycle = "network-lifecycle";
    private const string Renamed = "roles-and-agreements";
    private readonly FakeTimeProvider _time = new(AskMembersSmtpTests.NextMondayMorning());
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, services: services => services.AddSingleton<TimeProvider>(_time));
        _scenario = new AskScenario(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Half_answered_roles_move_to_a_version_that_renames_the_step_and_adds_a_reminder_keeping_answers_links_and_times()
    {
        var (network, roleLinks, rolesStart) = await RolesHalfAnsweredAsync();
        var id = network["id"]!.GetValue<Guid>();
        var before = await _scenario.InstanceAsync(network);
        var journalBefore = (await _scenario.JournalAsync(network)).Count;

        // Without the renamed step mapped, the dry run and the migration both refuse, saying why, and change nothing.
        var proposal = await DryRunAsync(new { fromVersion = 1, toVersion = 2 });
        var refusedDry = proposal["instances"]!.AsArray().Single()!["migration"]!;
        refusedDry["status"]!.GetValue<string>().Should().Be("Blocked");
        refusedDry["reason"]!.GetValue<string>().Should().Contain("Samm „roles“ (AskMembers) ootab, kuid versioonis 2 seda ei ole");
        var step = proposal["proposal"]!.AsArray().Single()!;
        (step["from"]!.GetValue<string>(), step["problem"]!.GetValue<string>()).Should().Be(("roles", "NotInVersion"));
        step["candidates"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Contain(Renamed);
        var refused = await MigrateAsync(_scenario.Api, new { fromVersion = 1, toVersion = 2 });
        refused["instances"]!.AsArray().Single()!["migration"]!["status"]!.GetValue<string>().Should().Be("Blocked");
        var untouched = await _scenario.InstanceAsync(network);
        untouched["definitionVersion"]!.GetValue<int>().Should().Be(1);
        untouched["waiting"]!.ToJsonString().Should().Be(before["waiting"]!.ToJsonString(), "the refused instance waits exactly as before");
        (await _scenario.JournalAsync(network)).Should().HaveCount(journalBefore);

        // Mapped by hand: the dry run shows what will happen; still nothing changes.
        var mapped = new { fromVersion = 1, toVersion = 2, networkIds = new[] { id }, mapping = new Dictionary<string, string> { ["roles"] = Renamed } };
        var dry = (await DryRunAsync(mapped))["instances"]!.AsArray().Single()!;
        dry["migration"]!["status"]!.GetValue<string>().Should().Be("Ready");
        dry["migration"]!["waitsNow"]!.AsArray().Single()!["activityId"]!.GetValue<string>().Should().Be("roles");
        dry["migration"]!["waitsAfter"]!.AsArray().Single()!["activityId"]!.GetValue<string>().Should().Be(Renamed);
        var added = dry["migration"]!["timers"]!.AsArray().Single()!;
        (added["change"]!.GetValue<string>(), added["dueAt"]!.GetValue<DateTimeOffset>()).Should().Be(("Added", rolesStart.AddDays(3)));
        var links = dry["links"]!.AsArray().Single()!;
        links["activityId"]!.GetValue<string>().Should().Be(Renamed);
        (links["requests"]!.GetValue<int>(), links["answered"]!.GetValue<int>(), links["stayValid"]!.GetValue<bool>()).Should().Be((4, 2, true));
        (await _scenario.InstanceAsync(network))["definitionVersion"]!.GetValue<int>().Should().Be(1, "a dry run changes nothing");

        var moved = (await MigrateAsync(_scenario.Api, mapped))["instances"]!.AsArray().Single()!["migration"]!;
        moved["status"]!.GetValue<string>().Should().Be("Migrated");

        // The answers are kept, the step waits under its new id, and the history says who moved it.
        var view = await _scenario.NetworkAsync(network);
        view["workflowVersion"]!.GetValue<int>().Should().Be(2);
        view["stage"]!.GetValue<string>().Should().Be("roles");
        var open = view["openSteps"]!.AsArray().Single()!;
        (open["activityId"]!.GetValue<string>(), open["asked"]!.GetValue<int>(), open["answered"]!.GetValue<int>()).Should().Be((Renamed, 4, 2));
        view["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>())
            .Should().Contain("Haldur: Töövoog viidi versioonilt 1 versioonile 2. Ümber nimetatud: roles → roles-and-agreements.");
        (await _scenario.JournalAsync(network)).Should().ContainSingle(j => j.Event == JournalEvent.InstanceMigrated)
            .Which.Message.Should().Be($"network-lifecycle v1 → v2 by {KoostooApp.StaffEmail}; roles → roles-and-agreements", "the signed-in admin moved it");

        // A link from the first version's mail still answers.
        await AnswerRolesAsync(roleLinks[AskScenario.Email(3)]);
        (await _scenario.NetworkAsync(network))["openSteps"]!.AsArray().Single()!["answered"]!.GetValue<int>().Should().Be(3);

        // Wednesday: the reminder both versions have; Thursday, not a minute early, the one the new version added. Each to member 4 only.
        await PassAsync(TimeSpan.FromDays(2));
        (await RemindersAsync(1)).Should().ContainSingle().Which.Should().Be((AskScenario.Email(4), rolesStart.AddDays(2)));
        await PassAsync(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        (await RemindersAsync(1)).Should().HaveCount(1, "the new reminder is not due yet");
        await PassAsync(TimeSpan.FromMinutes(1));
        (await RemindersAsync(2)).Should().Equal((AskScenario.Email(4), rolesStart.AddDays(2)), (AskScenario.Email(4), rolesStart.AddDays(3)));

        // The last answer, through the old link too, closes the renamed step, and the network goes on to gathering information.
        await AnswerRolesAsync(roleLinks[AskScenario.Email(4)]);
        var after = await _scenario.NetworkAsync(network);
        after["stage"]!.GetValue<string>().Should().Be("information");
        after["openSteps"]!.AsArray().Single()!["activityId"]!.GetValue<string>().Should().Be("information");
        await using var scope = _app.Services.CreateAsyncScope();
        var members = await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Members.AsNoTracking().Where(m => m.NetworkId == id).ToListAsync();
        members.Should().HaveCount(4).And.OnlyContain(m => m.Role == "Juht" && m.AgreementsAcceptedAt != null, "every answer, before and after the move, was recorded");
    }

    [Fact]
    public async Task Two_admins_moving_the_network_at_once_move_it_once()
    {
        var (network, _, _) = await RolesHalfAnsweredAsync();
        // Both name the network, as the migration page names what its dry run showed.
        var mapped = new { fromVersion = 1, toVersion = 2, networkIds = new[] { network["id"]!.GetValue<Guid>() },
            mapping = new Dictionary<string, string> { ["roles"] = Renamed } };
        using var second = _app.CreateClient();

        var both = await Task.WhenAll(MigrateAsync(_scenario.Api, mapped), MigrateAsync(second, mapped));

        both.Select(r => r["instances"]!.AsArray().Single()!["migration"]!["status"]!.GetValue<string>())
            .Should().BeEquivalentTo("Migrated", "AlreadyMoved");
        (await _scenario.JournalAsync(network)).Count(j => j.Event == JournalEvent.InstanceMigrated).Should().Be(1);
        (await _scenario.NetworkAsync(network))["history"]!.AsArray().Count(h => h!["text"]!.GetValue<string>().Contains("Töövoog viidi", StringComparison.Ordinal))
            .Should().Be(1);
    }

    /// <summary>
    /// Four members accept the invitation on the shipped lifecycle and two of them answer the roles step; the admin publishes
    /// version 2, where the roles step is renamed and has a reminder three days after it starts. Returns the roles links by
    /// member and when the roles step started.
    /// </summary>
    private async Task<(JsonObject Network, Dictionary<string, string> RoleLinks, DateTimeOffset RolesStart)> RolesHalfAnsweredAsync()
    {
        var network = await _scenario.LaunchAsync(4, definitionId: Lifecycle);
        var invitations = await _scenario.LinksAsync();
        foreach (var i in Enumerable.Range(1, 4)) await AnswerAsync(invitations[AskScenario.Email(i)], ("answer", "accept"));
        var rolesStart = _time.GetUtcNow();
        var roleLinks = await _scenario.LinksAsync();
        roleLinks.Values.Should().NotIntersectWith(invitations.Values, "the roles step mailed links of its own");
        foreach (var i in Enumerable.Range(1, 2)) await AnswerRolesAsync(roleLinks[AskScenario.Email(i)]);

        var current = (await _scenario.Api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{Lifecycle}"))!["definition"]!.AsObject();
        var roles = current["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "roles")!;
        roles["id"] = Renamed;
        roles["inputs"]!["reminders"] = new JsonArray("P2D", "P3D", "-P1D");
        foreach (var connection in current["connections"]!.AsArray())
            foreach (var end in new[] { "from", "to" })
                if (connection![end]!.GetValue<string>() == "roles") connection[end] = Renamed;
        (await _scenario.Api.PutAsJsonAsync($"/api/workflow-definitions/{Lifecycle}", current)).EnsureSuccessStatusCode();
        var published = await _scenario.Api.PostAsync($"/api/workflow-definitions/{Lifecycle}/publish", null);
        published.EnsureSuccessStatusCode();
        (await published.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>().Should().Be(2);
        return (network, roleLinks, rolesStart);
    }

    private Task AnswerRolesAsync(string link) => AnswerAsync(link, ("role", "leader"), ("agree", "yes"));

    private async Task AnswerAsync(string link, params (string Name, string Value)[] fields)
    {
        var posted = await _scenario.AnswerAsync(link, fields);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> DryRunAsync(object choice)
    {
        var response = await _scenario.Api.PostAsJsonAsync($"/api/admin/migrations/{Lifecycle}/dry-run", choice);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> MigrateAsync(HttpClient admin, object choice)
    {
        var response = await admin.PostAsJsonAsync($"/api/admin/migrations/{Lifecycle}", choice);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Days pass; the host's Hangfire runs the timer sweep, as its cron would at the next minute.</summary>
    private async Task PassAsync(TimeSpan time)
    {
        _time.Advance(time);
        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(TimerJobs.SweepJobId);
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The roles step's reminders queued so far, by whom and when: waits until there are <paramref name="count"/>.</summary>
    private async Task<List<(string To, DateTimeOffset At)>> RemindersAsync(int count) =>
        (await _app.WaitForOutboxAsync(null, rows => rows.Count(IsReminder) >= count, TimeSpan.FromSeconds(30)))
        .Where(IsReminder).OrderBy(r => r.CreatedAt).Select(r => (r.ToAddress, r.CreatedAt)).ToList();

    private static bool IsReminder(Koostoo.Activities.Email.OutboxMessage row) =>
        row.ActivityId == Renamed && (row.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal) || row.Subject.StartsWith("Reminder", StringComparison.Ordinal));
}
