using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Meetings;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Meetings;

/// <summary>What the coordinator writes wrong is answered field by field and saves nothing; the memo is kept; the page form does the same.</summary>
public sealed class MeetingInputTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly int _port = Koostoo.Testing.FreePort.Next();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        // On a real port: the meeting pages, like every coordinator page, answer only this machine.
        _app = new KoostooApp(_folder);
        _app.UseKestrel(_port);
        _app.StartServer();
        _scenario = new AskScenario(_app, new Uri($"http://127.0.0.1:{_port}"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<(int Meetings, int Outbox)> CountsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
        return (await db.Set<Meeting>().CountAsync(), await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Bad_input_gets_400_with_a_message_per_field_and_nothing_is_saved_or_sent()
    {
        var network = await _scenario.LaunchAsync(2, definitionId: "network-lifecycle");
        var before = await CountsAsync();

        var response = await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", new
        {
            title = " ",
            startsAt = "2030-05-06T10:00",
            endsAt = "2030-05-06T09:00",
            onlineLink = "meet.example/kool",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo("title", "endsAt", "onlineLink");
        errors["endsAt"]![0]!.GetValue<string>().Should().Contain("Kohtumine peab lõppema pärast algust.");
        errors["onlineLink"]![0]!.GetValue<string>().Should().Contain("„meet.example/kool“ ei ole veebiaadress");

        var unreadable = await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", new { title = "Kohtumine", startsAt = "06.05.2030 10:00" });
        unreadable.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var second = (await unreadable.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        second.Select(e => e.Key).Should().BeEquivalentTo("startsAt", "endsAt", "place");
        second["startsAt"]![0]!.GetValue<string>().Should().Contain("Algusaeg „06.05.2030 10:00“ ei ole kuupäev ja kellaaeg");

        (await CountsAsync()).Should().Be(before, "nothing half-saved, nothing sent");
        (await _scenario.Api.PostAsJsonAsync($"/api/networks/{Guid.NewGuid()}/meetings", new { title = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_memo_is_recorded_and_listed_and_an_empty_one_is_refused()
    {
        var network = await _scenario.LaunchAsync(1, definitionId: "network-lifecycle");
        var created = await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", new
        {
            title = "Kohtumine", startsAt = "2030-05-06T10:00", endsAt = "2030-05-06T11:00", place = "Kool",
        });
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        (await _scenario.Api.PutAsJsonAsync($"/api/networks/{network["id"]}/meetings/{meetingId}/memo", new { memo = "" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _scenario.Api.PutAsJsonAsync($"/api/networks/{network["id"]}/meetings/{meetingId}/memo", new { memo = "Lepiti kokku: Mari kutsub pere." }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var list = (await _scenario.Api.GetFromJsonAsync<JsonArray>($"/api/networks/{network["id"]}/meetings"))!;
        list.Single()!["memo"]!.GetValue<string>().Should().Be("Lepiti kokku: Mari kutsub pere.");
    }

    [Fact]
    public async Task The_page_form_returns_bad_input_with_messages_and_saves_a_good_one()
    {
        var network = await _scenario.LaunchAsync(1, definitionId: "network-lifecycle");
        using var browser = KoostooApp.AsStaff(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") });
        var path = $"/networks/{network["id"]}/meetings/new";
        var form = await browser.GetStringAsync(path);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        FormUrlEncodedContent Fields(string title, string place) => new([
            new("__RequestVerificationToken", token), new("Draft.Title", title), new("Draft.StartsAt", "2030-05-06T10:00"),
            new("Draft.EndsAt", "2030-05-06T11:00"), new("Draft.Place", place), new("Draft.Agenda", "Tutvumine")]);

        var bad = await browser.PostAsync(path, Fields("", ""));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await bad.Content.ReadAsStringAsync();
        html.Should().Contain("Pealkiri on puudu.").And.Contain("Kirjuta koht või veebikohtumise link.").And.Contain("value=\"2030-05-06T10:00\"", "what was written comes back");
        (await CountsAsync()).Meetings.Should().Be(0);

        var good = await browser.PostAsync(path, Fields("Kohtumine koolis", "Kool"));
        good.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await browser.GetStringAsync(good.Headers.Location!.ToString());
        page.Should().Contain("Kohtumine koolis").And.Contain("value=\"2030-05-06T10:00\"");
        (await CountsAsync()).Meetings.Should().Be(1);
    }

    [Fact]
    public async Task A_cancelled_network_takes_no_new_or_changed_meeting_and_sends_nothing()
    {
        var network = await _scenario.LaunchAsync(2, definitionId: "network-lifecycle");
        var meeting = new { title = "Kohtumine", startsAt = "2030-05-06T10:00", endsAt = "2030-05-06T11:00", place = "Kool" };
        var created = await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", meeting);
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await _scenario.Api.PostAsync($"/api/networks/{network["id"]}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await CountsAsync();

        (await _scenario.Api.PostAsJsonAsync($"/api/networks/{network["id"]}/meetings", meeting)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _scenario.Api.PutAsJsonAsync($"/api/networks/{network["id"]}/meetings/{meetingId}", meeting with { place = "Vallamaja" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "invitations to a network that ended would only confuse");

        (await CountsAsync()).Should().Be(before);
    }
}
