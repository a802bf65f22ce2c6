using System.Net;
using System.Net.Http.Json;
using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>Answers through the member pages: many at once, changed answers, and everything a link must refuse.</summary>
public sealed class MemberAnswerTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        _scenario = new AskScenario(_app);
        await _scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<List<StepRequest>> RequestsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Set<StepRequest>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task A_hundred_members_answering_in_the_same_second_all_count_and_the_next_step_runs_once()
    {
        var network = await _scenario.LaunchAsync(100);
        var links = await _scenario.LinksAsync();
        links.Should().HaveCount(100);

        // Every member has the page open; then they all press the button at once.
        var opened = await Task.WhenAll(links.Values.Select(async link =>
        {
            var browser = _scenario.Browser();
            var (response, _, form) = await AskScenario.OpenAsync(browser, link);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return (browser, link, form);
        }));
        var answers = await Task.WhenAll(opened.Select(o => AskScenario.PostAsync(o.browser, o.link, o.form, ("join", "yes"))));
        foreach (var o in opened) o.browser.Dispose();

        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect);
        var instance = await _scenario.InstanceAsync(network);
        instance["variables"]!["ask"]!["answered"]!.GetValue<int>().Should().Be(100);
        instance["waiting"]!.AsArray().Select(w => w!["activityId"]!.GetValue<string>()).Should().Equal("after");
        var journal = await _scenario.JournalAsync(network);
        journal.Count(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Should().Be(1);
        journal.Count(j => j.ActivityId == "after" && j.Event == JournalEvent.Started).Should().Be(1);
        (await RequestsAsync()).Should().OnlyContain(r => r.Answer != null && r.ClosedAt != null);
    }

    [Fact]
    public async Task A_member_sees_the_question_answers_and_changes_the_answer_until_the_step_closes()
    {
        var network = await _scenario.LaunchAsync(3);
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var browser = _scenario.Browser();

        var (page, html, form) = await AskScenario.OpenAsync(browser, link);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Kas osaled võrgustikus?").And.Contain("Võrgustik „Kooli võrgustik“ alustab.").And.Contain("Saada vastus");

        var saved = await AskScenario.PostAsync(browser, link, form, ("join", "yes"), ("note", "Saan teisipäeviti"));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, confirmation, changeForm) = await AskScenario.OpenAsync(browser, saved.Headers.Location!.ToString());
        confirmation.Should().Contain("Aitäh! Vastus on salvestatud.").And.Contain("Saan teisipäeviti").And.Contain("Muuda vastust");

        (await AskScenario.PostAsync(browser, link, changeForm, ("join", "no"), ("note", "Siiski ei saa"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var request = (await RequestsAsync()).Single(r => r.RespondentEmail == AskScenario.Email(1));
        request.Answer.Should().Be("""{"join":false,"note":"Siiski ei saa"}""");
        (await _scenario.InstanceAsync(network))["variables"]!["ask"]!["answered"]!.GetValue<int>().Should().Be(1, "a changed answer is still one answer");
    }

    [Fact]
    public async Task A_bad_answer_gets_the_form_back_with_its_messages_and_nothing_is_saved()
    {
        await _scenario.LaunchAsync(2);
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var browser = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(browser, link);

        var response = await AskScenario.PostAsync(browser, link, form, ("join", "maybe"), ("note", "jah"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Palun paranda märgitud vastused.").And.Contain("Vali jah või ei.").And.Contain(">jah</textarea>", "what was typed is kept");
        (await RequestsAsync()).Should().OnlyContain(r => r.Answer == null);
    }

    [Fact]
    public async Task A_guessed_or_malformed_link_gets_a_clear_not_found_page()
    {
        await _scenario.LaunchAsync(2);
        using var browser = _scenario.Browser();
        foreach (var guess in new[] { "/r/" + new string('A', 43), "/r/abc", "/r/" + Convert.ToBase64String(new byte[32]).TrimEnd('=') })
        {
            var (response, html, form) = await AskScenario.OpenAsync(browser, guess);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            html.Should().Contain("Seda linki ei ole olemas");
            form.Should().BeNull();
            (await AskScenario.PostAsync(browser, guess, null, ("join", "yes"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        (await RequestsAsync()).Should().OnlyContain(r => r.Answer == null);
    }

    [Fact]
    public async Task Another_members_form_posted_to_a_link_of_another_step_changes_nothing()
    {
        await _scenario.LaunchAsync(2, "Esimene võrgustik");
        var first = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        await _scenario.LaunchAsync(2, "Teine võrgustik");
        var second = (await _scenario.LinksAsync())[AskScenario.Email(2)];
        using var browser = _scenario.Browser();
        await AskScenario.OpenAsync(browser, first);
        var (_, _, otherForm) = await AskScenario.OpenAsync(browser, second);

        // The form (and its bookmark) of the second network's member, sent to the first network's link.
        var response = await AskScenario.PostAsync(browser, first, otherForm, ("join", "yes"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("See vorm oli vananenud").And.Contain("Midagi ei muudetud");
        (await RequestsAsync()).Should().OnlyContain(r => r.Answer == null);
    }

    [Fact]
    public async Task A_replayed_post_changes_nothing()
    {
        var network = await _scenario.LaunchAsync(2);
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var browser = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(browser, link);
        (await AskScenario.PostAsync(browser, link, form, ("join", "yes"), ("note", "esimene"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var resumed = (await _scenario.JournalAsync(network)).Count(j => j.Event == JournalEvent.Resumed);

        // The same form sent again (a double tap, a resent request, or someone replaying it) with other content.
        var replay = await AskScenario.PostAsync(browser, link, form, ("join", "no"), ("note", "teine"));

        replay.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await RequestsAsync()).Single(r => r.RespondentEmail == AskScenario.Email(1)).Answer.Should().Be("""{"join":true,"note":"esimene"}""");
        (await _scenario.JournalAsync(network)).Count(j => j.Event == JournalEvent.Resumed).Should().Be(resumed);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_saves_nothing()
    {
        await _scenario.LaunchAsync(2);
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var browser = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(browser, link);

        var response = await browser.PostAsync(link, new FormUrlEncodedContent([KeyValuePair.Create("b", form!.Bookmark), KeyValuePair.Create("join", "yes")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Vormi aeg sai läbi").And.Contain("Sinu vastust ei salvestatud");
        (await RequestsAsync()).Should().OnlyContain(r => r.Answer == null);
    }

    [Fact]
    public async Task A_link_to_a_closed_step_says_so_and_whom_to_contact_and_takes_no_answer()
    {
        var network = await _scenario.LaunchAsync(2);
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var browser = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(browser, link);
        (await _scenario.Api.PostAsync($"/api/networks/{network["id"]}/steps/ask/close", null)).EnsureSuccessStatusCode();

        var (page, html, _) = await AskScenario.OpenAsync(browser, link);
        page.StatusCode.Should().Be(HttpStatusCode.Gone);
        html.Should().Contain("See samm on suletud").And.Contain("mailto:kati@vald.example");
        (await AskScenario.PostAsync(browser, link, form, ("join", "yes"))).StatusCode.Should().Be(HttpStatusCode.Gone);
        (await RequestsAsync()).Should().OnlyContain(r => r.Answer == null);
    }

    [Fact]
    public async Task The_coordinator_can_remind_now_extend_and_add_a_member_to_a_waiting_step()
    {
        var network = await _scenario.LaunchAsync(3);
        var links = await _scenario.LinksAsync();
        (await _scenario.AnswerAsync(links[AskScenario.Email(1)], join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = network["id"];

        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/remind", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reminded = (await _app.OutboxAsync()).Where(m => m.Subject.StartsWith("Meeldetuletus", StringComparison.Ordinal) || m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        reminded.Select(m => m.ToAddress).Should().BeEquivalentTo(AskScenario.Email(2), AskScenario.Email(3));

        var before = (await _scenario.NetworkAsync(network))["openSteps"]![0]!["deadline"]!.GetValue<DateTimeOffset>();
        var extended = await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/extend", new StringContent("""{"by":"P2D"}""", System.Text.Encoding.UTF8, "application/json"));
        extended.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _scenario.NetworkAsync(network))["openSteps"]![0]!["deadline"]!.GetValue<DateTimeOffset>().Should().Be(before.AddDays(2));
        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/extend", new StringContent("""{"by":"soon"}""", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var member = await _scenario.Api.PostAsync($"/api/networks/{id}/members", System.Net.Http.Json.JsonContent.Create(new { name = "Uus Liige", email = "uus@kool.example", sector = "Health" }));
        member.StatusCode.Should().Be(HttpStatusCode.Created);
        var memberId = (await member.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/add-member", System.Net.Http.Json.JsonContent.Create(new { memberId }))).StatusCode.Should().Be(HttpStatusCode.OK);
        var step = (await _scenario.NetworkAsync(network))["openSteps"]![0]!;
        step["asked"]!.GetValue<int>().Should().Be(4);
        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/add-member", System.Net.Http.Json.JsonContent.Create(new { memberId }))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _scenario.NetworkAsync(network))["openSteps"]![0]!["asked"]!.GetValue<int>().Should().Be(4, "a member already asked is not asked twice");
        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/add-member", System.Net.Http.Json.JsonContent.Create(new { memberId = Guid.NewGuid() }))).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "only a member of the network can be added");
        (await _scenario.InstanceAsync(network))["status"]!.GetValue<string>().Should().Be("Suspended", "a command never faults the workflow");
        (await _scenario.LinksAsync()).Should().ContainKey("uus@kool.example");

        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/nowhere/remind", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _scenario.Api.PostAsync($"/api/networks/{id}/steps/ask/dance", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_who_leaves_is_no_longer_waited_for_and_the_others_close_the_step()
    {
        var network = await _scenario.LaunchAsync(3);
        var links = await _scenario.LinksAsync();
        foreach (var i in new[] { 1, 2 })
            (await _scenario.AnswerAsync(links[AskScenario.Email(i)], join: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var leaving = (await _scenario.NetworkAsync(network))["members"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == AskScenario.Email(3))!["id"];

        (await _scenario.Api.DeleteAsync($"/api/networks/{network["id"]}/members/{leaving}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var journal = await _scenario.JournalAsync(network);
        journal.Single(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Outcome.Should().Be("Done");
        journal.Count(j => j.ActivityId == "after" && j.Event == JournalEvent.Started).Should().Be(1);
        var detail = await _scenario.NetworkAsync(network);
        detail["members"]!.AsArray().Single(m => m!["id"]!.ToString() == leaving!.ToString())!["status"]!.GetValue<string>().Should().Be("Left");
        var (closed, _, _) = await AskScenario.OpenAsync(_scenario.Browser(), links[AskScenario.Email(3)]);
        closed.StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Theory]
    // A majority of five is three: three yes approve; three no make three yes impossible.
    [InlineData(new[] { true, false, true, true }, "Approved")]
    [InlineData(new[] { false, true, false, false }, "Rejected")]
    public async Task A_named_yes_no_decision_is_approved_or_rejected_by_the_majority(bool[] votes, string outcome)
    {
        await using var app = new KoostooApp(new TempFolder());
        var scenario = new AskScenario(app);
        var definition = System.Text.Json.Nodes.JsonNode.Parse(AskScenario.Definition(quorum: "majority"))!;
        definition["activities"]![0]!["inputs"]!["decision"] = "join";
        definition["connections"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["from"] = "ask", ["outcome"] = outcome, ["to"] = "after" });
        definition["connections"]!.AsArray().RemoveAt(0);
        await scenario.PublishAsync(definition.ToJsonString());
        var network = await scenario.LaunchAsync(5);
        var links = await scenario.LinksAsync();

        for (var i = 0; i < votes.Length; i++)
            (await scenario.AnswerAsync(links[AskScenario.Email(i + 1)], join: votes[i])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var journal = await scenario.JournalAsync(network);
        journal.Single(j => j.ActivityId == "ask" && j.Event == JournalEvent.Completed).Outcome.Should().Be($"Done,{outcome}");
        journal.Count(j => j.ActivityId == "after" && j.Event == JournalEvent.Started).Should().Be(1);
    }
}
