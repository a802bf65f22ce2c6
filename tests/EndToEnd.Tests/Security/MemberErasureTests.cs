using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Coordinator;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Service.Networks;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// A member asks to be forgotten: their data is exported first, then erased. Their name, address and phone are gone from the
/// network's page, its API answer, the work sheets and the stored mail; their answer still counts; their link is refused.
/// </summary>
public sealed class MemberErasureTests : IAsyncLifetime
{
    private const string Name = "Mari Maasikas";
    private const string Email = "mari.maasikas@kool.example";
    private const string Phone = "+372 5123 4567";
    private CoordinatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        await _host.Scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_erased_member_is_gone_everywhere_but_their_answer_still_counts_and_their_link_is_refused()
    {
        var api = _host.Scenario.Api;
        var launched = await api.PostAsJsonAsync("/api/networks", new
        {
            name = "Kooli võrgustik", purpose = "Vähendada koolist väljalangemist", coordinatorName = "Kati Kask",
            coordinatorEmail = AskScenario.CoordinatorEmail, definitionId = AskScenario.DefinitionId,
            members = new object[]
            {
                new { name = Name, email = Email, phone = Phone, sector = "Education" },
                new { name = "Jüri Õunapuu", email = AskScenario.Email(2), sector = "Youth" },
                new { name = "Anne Tamm", email = AskScenario.Email(3), sector = "Health" },
            },
        });
        launched.StatusCode.Should().Be(HttpStatusCode.Created);
        var network = (await launched.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = network["id"]!.ToString();
        var memberId = network["members"]!.AsArray().Single(m => m!["email"]!.GetValue<string>() == Email)!["id"]!.ToString();
        var link = (await _host.Scenario.LinksAsync())[Email];
        (await _host.Scenario.AnswerAsync(link, join: true, note: "Olen kooli sotsiaalpedagoog")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var export = await api.GetStringAsync($"/api/networks/{id}/members/{memberId}/export");
        export.Should().Contain(Name).And.Contain(Email).And.Contain(Phone).And.Contain("Olen kooli sotsiaalpedagoog");

        (await api.PostAsync($"/api/networks/{id}/members/{memberId}/erase", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await _host.App.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));

        string[] places = [$"/api/networks/{id}", $"/api/networks/{id}?lang=en", "/api/networks", $"/networks/{id}", $"/networks/{id}?lang=en",
            "/networks", $"/networks/{id}/sheets/members", $"/networks/{id}/sheets/members.csv", $"/networks/{id}/sheets/plan.csv",
            $"/api/workflow-instances/{network["workflowInstanceId"]}"];
        foreach (var place in places)
        {
            var text = await _host.Browser.GetStringAsync(place);
            foreach (var personal in new[] { Name, Email, Phone }) text.Should().NotContain(personal, place);
        }
        (await _host.Browser.GetStringAsync($"/networks/{id}")).Should().Contain(MemberErasure.Placeholder);
        var stored = await _host.App.OutboxAsync();
        stored.Should().NotContain(m => m.ToAddress == Email || m.TextBody.Contains(Name) || m.HtmlBody.Contains(Name));

        var after = (await _host.Scenario.NetworkAsync(network))["openSteps"]![0]!;
        after["answered"]!.GetValue<int>().Should().Be(1, "their answer still counts");
        var (opened, html, form) = await AskScenario.OpenAsync(_host.NewBrowser(), link);
        form.Should().BeNull("their link leads to no form any more");
        ((int)opened.StatusCode).Should().BeLessThan(500);
        html.Should().NotContain(Name);
    }

    [Fact]
    public async Task The_coordinator_takes_a_members_data_and_erases_it_from_the_network_page_only_when_confirmed()
    {
        var network = await _host.Scenario.LaunchAsync(2);
        var id = network["id"]!.ToString();
        var memberId = network["members"]![0]!["id"]!.ToString();
        var name = network["members"]![0]!["name"]!.GetValue<string>();
        var (_, page) = await _host.OpenAsync($"/networks/{id}");
        page.Should().Contain($"/networks/{id}/members/{memberId}\"", "each member has a link to their data");

        var (opened, data) = await _host.OpenAsync($"/networks/{id}/members/{memberId}");
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        data.Should().Contain(name).And.Contain(AskScenario.Email(1));
        var export = await _host.Browser.GetAsync($"/networks/{id}/members/{memberId}?handler=export");
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        export.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await export.Content.ReadAsStringAsync()).Should().Contain(AskScenario.Email(1));

        var token = System.Text.RegularExpressions.Regex.Match(data, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var unconfirmed = await _host.Browser.PostAsync($"/networks/{id}/members/{memberId}?handler=erase",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        unconfirmed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await unconfirmed.Content.ReadAsStringAsync()).Should().Contain("Kinnita kustutamine linnukesega.");
        (await _host.Scenario.NetworkAsync(network))["members"]![0]!["name"]!.GetValue<string>().Should().Be(name, "nothing is erased unconfirmed");

        var confirmed = await _host.Browser.PostAsync($"/networks/{id}/members/{memberId}?handler=erase",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("confirm", "true")]));
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.ToString().Should().EndWith($"/networks/{id}?done=member-erased");
        var (_, after) = await _host.OpenAsync($"/networks/{id}?done=member-erased");
        after.Should().Contain("Liikme andmed on kustutatud").And.NotContain(AskScenario.Email(1)).And.Contain(MemberErasure.Placeholder);
        (await _host.OpenAsync($"/networks/{id}/members/{memberId}")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
