using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.History;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Journal;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.EndToEnd.Tests.Coordinator;

/// <summary>The coordinator's commands from the network page: each posts with anti-forgery, redirects back with its confirmation, or says why not.</summary>
public sealed class CoordinatorCommandTests : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        await _host.Scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonObject> LaunchWithOneAnswerAsync()
    {
        var network = await _host.Scenario.LaunchAsync(3);
        var link = (await _host.Scenario.LinksAsync())[AskScenario.Email(1)];
        using var member = _host.NewBrowser();
        var (_, _, form) = await AskScenario.OpenAsync(member, link);
        (await AskScenario.PostAsync(member, link, form, ("join", "yes"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return network;
    }

    /// <summary>The network's history, oldest first, as an Estonian reader reads it.</summary>
    private async Task<List<string>> HistoryAsync(object id) =>
        (await _host.WithDbAsync(db => db.Set<HistoryEntry>().AsNoTracking().Where(h => h.NetworkId == Guid.Parse(id.ToString()!)).OrderBy(h => h.Id).ToListAsync()))
        .Select(h => HistoryText.Of(h, "et")).ToList();

    [Fact]
    public async Task Remind_extend_and_close_run_on_the_waiting_step_and_come_back_confirmed()
    {
        var network = await LaunchWithOneAnswerAsync();
        var id = network["id"]!;

        var (reminded, _) = await _host.CommandAsync(id, "remind", ("step", "ask"));
        reminded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reminded.Headers.Location!.ToString().Should().Be($"/networks/{id}?done=reminded");
        var (_, page) = await _host.OpenAsync(reminded.Headers.Location.ToString());
        page.Should().Contain("Meeldetuletus saadeti neile, kes pole vastanud.");
        (await _host.App.OutboxAsync()).Where(m => m.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal) || m.Subject.StartsWith("Reminder", StringComparison.Ordinal))
            .Select(m => m.ToAddress).Should().BeEquivalentTo([AskScenario.Email(2), AskScenario.Email(3)], "only the silent are reminded");

        var before = (await _host.Scenario.NetworkAsync(network))["openSteps"]![0]!["deadline"]!.GetValue<DateTimeOffset>();
        var (extended, _) = await _host.CommandAsync(id, "extend", ("step", "ask"), ("by", "P7D"));
        extended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _host.Scenario.NetworkAsync(network))["openSteps"]![0]!["deadline"]!.GetValue<DateTimeOffset>().Should().Be(before.AddDays(7));
        var (refused, refusedPage) = await _host.CommandAsync(id, "extend", ("step", "ask"), ("by", "P99D"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refusedPage.Should().Contain("Vali, kui palju tähtaega pikendada.");

        var (closed, _) = await _host.CommandAsync(id, "close", ("step", "ask"));
        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _host.Scenario.JournalAsync(network)).Single(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Outcome.Should().Be("Timeout");
        var detail = await _host.Scenario.NetworkAsync(network);
        detail["openSteps"]!.AsArray().Should().BeEmpty();

        var (again, againPage) = await _host.CommandAsync(id, "close", ("step", "ask"));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "the step is no longer waiting");
        againPage.Should().Contain("See samm ei oota enam vastuseid");

        (await HistoryAsync(id)).Should().Equal(
            "Koordinaator: Võrgustik loodi, kutsuti 3 liiget.",
            "Koordinaator: Vastamata liikmetele saadeti meeldetuletus: „Kas osaled võrgustikus?“.",
            "Koordinaator: Tähtaega pikendati 7 päeva võrra: „Kas osaled võrgustikus?“.",
            "Samm „Kas osaled võrgustikus?“ sulgus: vastas 1 / 3.",
            "Koordinaator sulges sammu: „Kas osaled võrgustikus?“.");
        (await _host.Scenario.NetworkAsync(network, "en"))["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>()).First()
            .Should().Be("The coordinator closed the step: “Will you take part in the network?”.", "the API shows the history too, newest first");
    }

    [Theory]
    [InlineData("extend", """{"by":5}""", "Give the extension as { \"by\": \"P2D\" } (an ISO 8601 duration).")]
    [InlineData("extend", "{}", "Give the extension as { \"by\": \"P2D\" } (an ISO 8601 duration).")]
    [InlineData("add-member", """{"memberId":5}""", "Give the member as { \"memberId\": \"...\" }.")]
    public async Task A_command_with_a_field_of_the_wrong_type_is_a_400_naming_the_field_and_changes_nothing(string command, string body, string detail)
    {
        var network = await _host.Scenario.LaunchAsync(2);
        var before = (await _host.Scenario.NetworkAsync(network))["openSteps"]![0]!["deadline"]!.GetValue<DateTimeOffset>();

        // Asked in English: a client that asks for no language reads Estonian.
        var response = await _host.Scenario.Api.PostAsync($"/api/networks/{network["id"]}/steps/ask/{command}?lang=en",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Be(detail);
        (await _host.Scenario.NetworkAsync(network))["openSteps"]![0]!["deadline"]!.GetValue<DateTimeOffset>().Should().Be(before);
    }

    [Fact]
    public async Task A_coordinators_extend_through_the_api_reads_as_theirs_on_the_api_and_the_page_in_either_language()
    {
        var network = await _host.Scenario.LaunchAsync(2);
        var id = network["id"]!;
        (await _host.Scenario.Api.PostAsJsonAsync($"/api/networks/{id}/steps/ask/extend", new { by = "P2D" })).StatusCode.Should().Be(HttpStatusCode.OK);
        const string Et = "Koordinaator: Tähtaega pikendati 2 päeva võrra: „Kas osaled võrgustikus?“.";
        const string En = "The coordinator: The deadline was extended by 2 days: “Will you take part in the network?”.";

        var et = (await _host.Scenario.NetworkAsync(network))["history"]![0]!;
        (et["actor"]!.GetValue<string>(), et["text"]!.GetValue<string>()).Should().Be(("Koordinaator", Et), "the history is newest first");
        var en = (await _host.Scenario.NetworkAsync(network, "en"))["history"]![0]!;
        (en["actor"]!.GetValue<string>(), en["text"]!.GetValue<string>()).Should().Be(("The coordinator", En));

        var (_, page) = await _host.OpenAsync($"/networks/{id}");
        WebUtility.HtmlDecode(page).Should().Contain(Et).And.NotContain(En);
        var (_, english) = await _host.OpenAsync($"/networks/{id}?lang=en");
        WebUtility.HtmlDecode(english).Should().Contain(En).And.NotContain(Et);
    }

    [Fact]
    public async Task A_member_added_on_the_page_is_asked_in_the_waiting_step_a_bad_one_is_refused_and_one_removed_is_no_longer_waited_for()
    {
        var network = await LaunchWithOneAnswerAsync();
        var id = network["id"]!;

        var (bad, badPage) = await _host.CommandAsync(id, "addMember", ("name", "Uus Liige"), ("email", "uus@"), ("organisation", "Perearstikeskus"), ("sector", "Health"));
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        badPage.Should().Contain("Liiget ei lisatud").And.Contain("&#x27;uus@&#x27; ei ole korrektne e-post.")
            .And.Contain("value=\"Uus Liige\"").And.Contain("value=\"Perearstikeskus\"", "what was typed is kept");
        var (duplicate, duplicatePage) = await _host.CommandAsync(id, "addMember", ("name", "Teine"), ("email", AskScenario.Email(2)), ("sector", "Health"));
        duplicate.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        duplicatePage.Should().Contain("See e-post on juba võrgustikus.");
        (await _host.Scenario.NetworkAsync(network))["members"]!.AsArray().Should().HaveCount(3, "nothing was saved");

        var (added, _) = await _host.CommandAsync(id, "addMember", ("name", "Uus Liige"), ("email", "uus@kool.example"), ("sector", "Health"), ("language", "en"));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var detail = await _host.Scenario.NetworkAsync(network);
        detail["members"]!.AsArray().Should().Contain(m => m!["email"]!.GetValue<string>() == "uus@kool.example" && m["sector"]!.GetValue<string>() == "Health");
        detail["openSteps"]![0]!["asked"]!.GetValue<int>().Should().Be(4, "the new member is asked in the waiting step");
        (await _host.Scenario.LinksAsync()).Should().ContainKey("uus@kool.example");

        var leaving = detail["members"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == AskScenario.Email(3))!["id"]!.GetValue<string>();
        var (removed, _) = await _host.CommandAsync(id, "removeMember", ("memberId", leaving));
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        detail = await _host.Scenario.NetworkAsync(network);
        detail["members"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == leaving)!["status"]!.GetValue<string>().Should().Be("Left");
        detail["openSteps"]![0]!["asked"]!.GetValue<int>().Should().Be(3, "the step no longer waits for who left");

        (await HistoryAsync(id)).Should().Contain("Koordinaator: Uus Liige lisati võrgustikku.").And.Contain("Koordinaator: Uus Liige lisati sammu: „Kas osaled võrgustikus?“.")
            .And.Contain("Koordinaator: Liige 3 lahkus võrgustikust.");
    }

    [Fact]
    public async Task Cancelling_stops_the_workflow_closes_the_links_and_a_second_cancel_is_refused()
    {
        var network = await LaunchWithOneAnswerAsync();
        var id = network["id"]!;
        var link = (await _host.Scenario.LinksAsync())[AskScenario.Email(2)];

        var (unconfirmed, unconfirmedPage) = await _host.CommandAsync(id, "cancel");
        unconfirmed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unconfirmedPage.Should().Contain("Märgi kinnitus");
        (await _host.Scenario.NetworkAsync(network))["status"]!.GetValue<string>().Should().Be("Active");

        var (cancelled, _) = await _host.CommandAsync(id, "cancel", ("confirm", "true"));
        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, page) = await _host.OpenAsync(cancelled.Headers.Location!.ToString());
        page.Should().Contain("Võrgustiku töö on lõpetatud").And.Contain("katkestatud").And.NotContain("?handler=remind", "a cancelled network takes no commands");

        (await _host.Scenario.NetworkAsync(network))["status"]!.GetValue<string>().Should().Be("Cancelled");
        (await _host.Scenario.InstanceAsync(network))["status"]!.GetValue<string>().Should().Be("Cancelled");
        (await _host.Scenario.InstanceAsync(network))["waiting"]!.AsArray().Should().BeEmpty("no bookmark or timer is left to remind anyone");
        (await _host.WithDbAsync(db => db.Set<StepRequest>().AsNoTracking().Where(r => r.NetworkId == Guid.Parse(id.ToString())).ToListAsync()))
            .Should().OnlyContain(r => r.ClosedAt != null);
        using (var member = _host.NewBrowser())
        {
            var (opened, html, _) = await AskScenario.OpenAsync(member, link);
            opened.StatusCode.Should().Be(HttpStatusCode.Gone);
            html.Should().Contain("See samm on suletud");
        }

        var twice = await _host.Scenario.Api.PostAsync($"/api/networks/{id}/cancel", null);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).Should().Contain("Võrgustik on juba katkestatud.");
        // A program that asks for English, the HTTP way, gets the same refusal in English; Russian likewise.
        foreach (var (language, refusal) in new[] { ("en", "The network is already cancelled."), ("ru-RU", "Сеть уже: прервана.") })
        {
            using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/networks/{id}/cancel");
            again.Headers.AcceptLanguage.ParseAdd(language);
            var refused = await _host.Scenario.Api.SendAsync(again);
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).Should().Contain(refusal);
        }
        (await HistoryAsync(id)).Should().ContainSingle(h => h.StartsWith("Koordinaator lõpetas võrgustiku töö"));
    }

    [Fact]
    public async Task The_api_cancels_a_network_in_one_call()
    {
        var network = await _host.Scenario.LaunchAsync(2);
        var response = await _host.Scenario.Api.PostAsync($"/api/networks/{network["id"]}/cancel", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var detail = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonObject>(response.Content))!;
        detail["status"]!.GetValue<string>().Should().Be("Cancelled");
        detail["workflowStatus"]!.GetValue<string>().Should().Be("Cancelled");
        detail["openSteps"]!.AsArray().Should().BeEmpty();
    }
}
