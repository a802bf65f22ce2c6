using System.Net;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Coordinator;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>Members' links and the sign-in pages are rate limited by path; request bodies are bounded by what an address takes.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task Links_and_sign_in_pages_answer_429_past_their_limit_saying_when_to_come_back()
    {
        using var folder = new TempFolder();
        await using var app = new KoostooApp(folder, new Dictionary<string, string?>
        {
            ["Koostoo:RateLimits:Links:PermitLimit"] = "3",
            ["Koostoo:RateLimits:SignIn:PermitLimit"] = "2",
            ["Koostoo:RateLimits:SignIn:Window"] = "00:10:00",
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        const string link = "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        for (var i = 0; i < 3; i++) (await client.GetAsync(link)).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        var refused = await client.GetAsync(link);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Liiga palju päringuid").And.Contain("sekundi pärast");
        refused.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "other addresses are not limited");

        var api = app.CreateClient();
        for (var i = 0; i < 2; i++) (await api.PostAsync("/account/login", null)).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        var login = await api.PostAsync("/account/login", null);
        login.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        login.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.GetAsync("/account/forgot-password")).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, "each sign-in page has its own count");
    }

    [Fact]
    public async Task An_unexpected_error_in_production_is_a_problem_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        // An address nothing answers, which throws when reached: the host's own error handling is what is under test.
        await using var app = new KoostooApp(folder, environment: "Production", services: services =>
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ThrowingAddress()));

        var response = await app.CreateClient().GetAsync("/boom");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("secret detail").And.NotContain("ThrowingAddress").And.NotContain(" at ");
        response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle("error responses carry the headers too");
    }

    private sealed class ThrowingAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(http => http.Request.Path == "/boom" ? throw new InvalidOperationException("secret detail") : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task A_body_over_its_addresss_limit_is_a_413_that_says_the_limit_with_or_without_a_length()
    {
        await using var host = new CoordinatorHost();
        await host.Scenario.PublishAsync(AskScenario.Definition());
        var network = await host.Scenario.LaunchAsync(1);
        var api = host.Scenario.Api;

        // As a careful client sends a large body: headers first, the body only when the server asks for it (100-continue).
        using var large = new HttpRequestMessage(HttpMethod.Post, $"/api/networks/{network["id"]}/steps/ask/remind")
        {
            Content = new StringContent($"{{\"note\":\"{new string('x', 70 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        large.Headers.ExpectContinue = true;
        var command = await api.SendAsync(large);
        command.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        JsonNode.Parse(await command.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Should().Contain("64 KB");

        // Without a Content-Length the server stops reading at the limit (a little over it, so the client is done writing).
        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{new string('x', 1040 * 1024)}\"}}")));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-definitions") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var definition = await api.SendAsync(request);
        definition.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await definition.Content.ReadAsStringAsync()).Should().Contain("kuni 1024 KB", "the API speaks Estonian to a client that asks for no language");

        var fits = await api.PostAsync("/api/workflow-definitions",
            new StringContent(AskScenario.Definition().Replace("ask-once", "ask-twice", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        fits.StatusCode.Should().Be(HttpStatusCode.Created, "a definition may be larger than a command");
    }
}
