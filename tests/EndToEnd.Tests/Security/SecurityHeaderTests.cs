using System.Net;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Coordinator;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>Every kind of page and response carries the same protective headers: pages, files, the API, problems, the 404 page.</summary>
public sealed class SecurityHeaderTests : IAsyncLifetime
{
    private CoordinatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new CoordinatorHost();
        await _host.Scenario.PublishAsync(AskScenario.Definition());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_kind_of_page_and_response_carries_the_policy_and_the_protective_headers()
    {
        var network = await _host.Scenario.LaunchAsync(2);
        var id = network["id"]!.ToString();
        var link = (await _host.Scenario.LinksAsync())[AskScenario.Email(1)];
        await _host.App.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        var mail = Path.GetFileNameWithoutExtension(Directory.GetFiles(_host.Folder["mail"], "*.eml")[0]);

        string[] addresses =
        [
            "/", link, "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/networks", "/networks/new", $"/networks/{id}",
            $"/networks/{id}/sheets/plan", $"/networks/{id}/sheets/members.csv", $"/networks/{id}/sheets/members.xlsx",
            $"/networks/{id}/meetings/new", "/mailbox", $"/mailbox/{mail}", "/designer/", "/designer/definitions/network-lifecycle",
            "/api/networks", $"/api/networks/{id}", $"/api/networks/{Guid.NewGuid()}", "/api/workflow-definitions", "/openapi/v1.json",
            "/health", "/css/site.css", "/js/print.js", "/no-such-page", "/hangfire",
        ];
        foreach (var address in addresses)
        {
            var response = await _host.Browser.GetAsync(address);
            ((int)response.StatusCode).Should().BeLessThan(500, address);
            var headers = response.Headers;
            headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self';", address)
                .And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
            headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff", address);
            headers.GetValues("X-Frame-Options").Single().Should().Be("DENY", address);
            headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer", address);
        }
        (await _host.Browser.GetAsync($"/api/networks/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the problem response was checked too");
    }

    [Fact]
    public async Task A_messages_html_is_framed_by_the_mailbox_alone_under_a_policy_that_runs_nothing()
    {
        await _host.Scenario.LaunchAsync(1);
        await _host.App.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        var mail = Path.GetFileNameWithoutExtension(Directory.GetFiles(_host.Folder["mail"], "*.eml")[0]);

        var (_, page) = await _host.OpenAsync($"/mailbox/{mail}");
        page.Should().Contain($"src=\"/mailbox/{mail}?handler=html\"").And.NotContain("srcdoc", "srcdoc would inherit the page's policy and lose the mail's styles");
        var html = await _host.Browser.GetAsync($"/mailbox/{mail}?handler=html");

        html.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = html.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.Contain("frame-ancestors 'self'").And.NotContain("script-src");
        html.Headers.GetValues("X-Frame-Options").Single().Should().Be("SAMEORIGIN");
        (await html.Content.ReadAsStringAsync()).Should().Contain("<base target=\"_blank\">").And.Contain("/r/");
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_what_it_may_be()
    {
        var network = await _host.Scenario.LaunchAsync(1);
        var api = _host.Scenario.Api;

        async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }

        var extend = await ProblemAsync(await api.PostAsync($"/api/networks/{network["id"]}/steps/ask/extend", Json("{}")));
        extend["errors"]!["by"]![0]!.GetValue<string>().Should().Contain("P2D");
        var byNumber = await ProblemAsync(await api.PostAsync($"/api/networks/{network["id"]}/steps/ask/extend", Json("{\"by\":5}")));
        byNumber["errors"]!["by"].Should().NotBeNull();
        var addMember = await ProblemAsync(await api.PostAsync($"/api/networks/{network["id"]}/steps/ask/add-member", Json("{\"memberId\":5}")));
        addMember["errors"]!["memberId"]![0]!.GetValue<string>().Should().Contain("memberId");

        const string launch = """
            { "name": "Kooli võrgustik", "purpose": "Vähendada koolist väljalangemist", "coordinatorName": "Kati Kask",
              "coordinatorEmail": "kati@vald.example", "definitionId": "ask-once",
              "members": [ { "name": "Mari Maasikas", "email": "mari@kool.example", "sector": "SECTOR" } ] }
            """;
        foreach (var sector in new[] { "\"Space\"", "3" })
        {
            var unknown = await ProblemAsync(await api.PostAsync("/api/networks", Json(launch.Replace("\"SECTOR\"", sector, StringComparison.Ordinal))));
            unknown["errors"]!["members[0].sector"]![0]!.GetValue<string>().Should().Contain("Social").And.Contain("Education").And.Contain("TargetGroup");
            unknown["detail"]!.GetValue<string>().Should().StartWith("members[0].sector");
        }
    }

    [Fact]
    public async Task The_launch_form_refuses_a_sector_it_does_not_offer_naming_the_values()
    {
        var (_, page) = await _host.OpenAsync("/networks/new");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await _host.Browser.PostAsync("/networks/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "Kooli võrgustik", ["purpose"] = "Vähendada koolist väljalangemist",
            ["coordinatorName"] = "Kati Kask", ["coordinatorEmail"] = "kati@vald.example", ["rows"] = "1",
            ["members[0].name"] = "Mari Maasikas", ["members[0].email"] = "mari@kool.example", ["members[0].sector"] = "99",
        }));

        posted.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await posted.Content.ReadAsStringAsync();
        html.Should().Contain("„99“ ei ole lubatud").And.Contain("Social, Education");
        (await _host.WithDbAsync(db => Task.FromResult(db.Networks.Count()))).Should().Be(0, "nothing was launched");
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
