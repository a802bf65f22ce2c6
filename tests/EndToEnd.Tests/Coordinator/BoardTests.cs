using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Actions;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>
/// The coordinator's board across her networks, as she uses it: who is silent where and for how long, filtered by
/// person and by overdue, a slipped action listed; two steps ticked and reminded in one click, only their silent
/// people mailed; a step reminded a moment ago is left out with the time it can be reminded again.
/// </summary>
public sealed partial class BoardTests : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        await _host.Scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_board_shows_who_owes_what_across_networks_and_reminds_the_chosen_steps_in_one_click()
    {
        var school = await _host.Scenario.LaunchAsync(3, "Kooli võrgustik");
        var youth = await _host.Scenario.LaunchAsync(2, "Noorte võrgustik");
        await _host.Scenario.LaunchAsync(1, "Vaikne võrgustik");
        await _host.App.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        // The quiet network's only member answers, so it owes nothing; and Liige 1 of the school network.
        (await _host.Scenario.AnswerAsync(LinkOf("Vaikne võrgustik", AskScenario.Email(1)), join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _host.Scenario.AnswerAsync(LinkOf("Kooli võrgustik", AskScenario.Email(1)), join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await _host.WithDbAsync(async db =>
        {
            db.ActionItems.Add(new ActionItem { NetworkId = Guid(youth), What = "Koostada huviringide nimekiri", OwnerName = "Liige 2",
                DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-20) });
            return await db.SaveChangesAsync();
        });

        var (opened, page) = await _host.OpenAsync("/board");
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        var owed = page[page.IndexOf("Vastust ootavad sammud", StringComparison.Ordinal)..];
        owed.Should().Contain("Kooli võrgustik").And.Contain("Noorte võrgustik").And.NotContain("Vaikne võrgustik", "nobody owes it anything")
            .And.Contain("Vastanud 1/3").And.Contain("Koostada huviringide nimekiri").And.Contain("tähtaeg möödas");

        var board = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>("/api/board"))!;
        var steps = board["steps"]!.AsArray();
        steps.Should().HaveCount(2);
        var schoolStep = steps.Single(s => s!["networkId"]!.ToString() == school["id"]!.ToString())!;
        schoolStep["silent"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["Liige 2", "Liige 3"]);
        schoolStep["silent"]![0]!["remindersSent"]!.GetValue<int>().Should().Be(0);

        // Another coordinator's board shows nothing of these networks; their own coordinator's shows both steps.
        var stranger = await _host.CoordinatorAsync("mari@vald.example");
        var theirs = await stranger.GetStringAsync("/api/board");
        theirs.Should().NotContain("Kooli võrgustik").And.NotContain("Noorte võrgustik").And.NotContain("Liige");
        var own = await _host.CoordinatorAsync(AskScenario.CoordinatorEmail);
        (await own.GetFromJsonAsync<JsonObject>("/api/board"))!["steps"]!.AsArray().Should().HaveCount(2);

        var onlyLiige3 = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>("/api/board?person=liige 3"))!;
        onlyLiige3["steps"]!.AsArray().Select(s => s!["networkName"]!.GetValue<string>()).Should().Equal("Kooli võrgustik");
        var overdue = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>("/api/board?overdue=true"))!;
        overdue["steps"]!.AsArray().Should().BeEmpty("no step is past its deadline of three days");
        overdue["actions"]!.AsArray().Select(a => a!["what"]!.GetValue<string>()).Should().Equal("Koostada huviringide nimekiri");

        var before = await _host.App.OutboxAsync();
        var token = TokenPattern().Match(page).Groups[1].Value;
        var ticked = await _host.Browser.PostAsync("/board?handler=remind", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", token),
            KeyValuePair.Create("step", $"{school["id"]}/{schoolStep["activityId"]}"),
        ]));
        ticked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ticked.Headers.Location!.ToString().Should().Be("/board?reminded=1&skipped=0");
        await _host.App.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        var reminders = (await _host.App.OutboxAsync()).ExceptBy(before.Select(m => m.Id), m => m.Id)
            .Where(m => m.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal) || m.Subject.StartsWith("Reminder", StringComparison.Ordinal)).ToList();
        reminders.Select(m => (m.InstanceId, m.ToAddress)).Should().BeEquivalentTo(new[]
        {
            (Instance(school), AskScenario.Email(2)), (Instance(school), AskScenario.Email(3)),
        }, "only the silent of the ticked step are reminded");
        (await _host.OpenAsync("/board?reminded=1&skipped=0")).Html.Should().Contain("Meeldetuletus läks 1 sammu vaikijatele.");

        var again = await _host.Scenario.Api.PostAsJsonAsync("/api/board/remind", new
        {
            steps = new[] { new { networkId = school["id"]!.ToString(), activityId = schoolStep["activityId"]!.ToString() } },
        });
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var outcome = (await again.Content.ReadFromJsonAsync<JsonArray>())![0]!;
        outcome["reminded"]!.GetValue<bool>().Should().BeFalse("it was reminded by hand a moment ago");
        outcome["possibleAt"].Should().NotBeNull();
        var none = await _host.Scenario.Api.PostAsJsonAsync("/api/board/remind", new { steps = Array.Empty<object>() });
        none.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await none.Content.ReadAsStringAsync()).Should().Contain("steps");
    }

    private static Guid Guid(JsonObject network) => System.Guid.Parse(network["id"]!.ToString());
    private static Guid? Instance(JsonObject network) => System.Guid.Parse(network["workflowInstanceId"]!.ToString());

    /// <summary>A member's link in one network's request: the same addresses are members of several networks.</summary>
    private string LinkOf(string network, string email) =>
        AskScenario.LinkIn(_host.App.DeliveredMail().Single(m => (m.Subject ?? "").StartsWith(network, StringComparison.Ordinal)
            && m.To.Mailboxes.Single().Address == email).TextBody!);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
