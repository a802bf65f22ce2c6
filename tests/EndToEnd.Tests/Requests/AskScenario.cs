using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Journal;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>
/// A network whose workflow asks its members one question (AskMembers) and then waits at <c>after</c>, driven as
/// people would: launched through the API, answered through the links in the emails, like a browser posts a form.
/// </summary>
/// <param name="address">The host's real address when it runs on Kestrel (browser tests); else the in-memory test server.</param>
/// <param name="delivered">Where the members' mail arrives, oldest first: the test's SMTP server; the Pickup folder when none.</param>
public sealed partial class AskScenario(KoostooApp app, Uri? address = null, Func<IReadOnlyList<MimeKit.MimeMessage>>? delivered = null)
{
    public const string DefinitionId = "ask-once";

    public static string Definition(string quorum = "all", string onDeadline = "continue", string deadline = "P3D", string[]? reminders = null, string? extendBy = null) =>
        new JsonObject
        {
            ["id"] = DefinitionId,
            ["name"] = new JsonObject { ["et"] = "Üks küsimus", ["en"] = "One question" },
            ["activities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "ask",
                    ["type"] = "AskMembers",
                    ["inputs"] = new JsonObject
                    {
                        ["audience"] = new JsonArray("members"),
                        ["question"] = new JsonObject { ["et"] = "Kas osaled võrgustikus?", ["en"] = "Will you take part in the network?" },
                        ["context"] = new JsonObject { ["et"] = "Võrgustik „{{ variables.networkName }}“ alustab.", ["en"] = "The network \"{{ variables.networkName }}\" starts." },
                        ["fields"] = new JsonArray(
                            new JsonObject { ["name"] = "join", ["type"] = "yesNo", ["required"] = true, ["label"] = new JsonObject { ["et"] = "Osalen", ["en"] = "I take part" } },
                            new JsonObject { ["name"] = "note", ["type"] = "longText", ["label"] = new JsonObject { ["et"] = "Märkus", ["en"] = "Note" } }),
                        ["quorum"] = quorum,
                        ["deadline"] = deadline,
                        ["reminders"] = new JsonArray((reminders ?? ["P1D"]).Select(r => (JsonNode)r).ToArray()),
                        ["onDeadline"] = onDeadline,
                        ["extendBy"] = extendBy,
                    },
                },
                new JsonObject { ["id"] = "after", ["type"] = "WaitForSignal", ["inputs"] = new JsonObject { ["signal"] = "next" } }),
            ["connections"] = new JsonArray(
                new JsonObject { ["from"] = "ask", ["outcome"] = "Done", ["to"] = "after" },
                new JsonObject { ["from"] = "ask", ["outcome"] = "Timeout", ["to"] = "after" }),
        }.ToJsonString();

    public const string CoordinatorEmail = "kati@vald.example";

    public static string Email(int i) => $"liige{i}@kool.example";

    public HttpClient Api { get; } = address is null
        ? app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : KoostooApp.AsStaff(new HttpClient { BaseAddress = address });

    public async Task PublishAsync(string definition)
    {
        (await Api.PostAsync("/api/workflow-definitions", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await Api.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Launches a network of <paramref name="members"/> people (every third in English, unless <paramref name="languageOf"/> says otherwise) on the published definition.</summary>
    public async Task<JsonObject> LaunchAsync(int members, string name = "Kooli võrgustik", string definitionId = DefinitionId, Func<int, string>? languageOf = null)
    {
        languageOf ??= i => i % 3 == 0 ? "en" : "et";
        var response = await Api.PostAsJsonAsync("/api/networks", new
        {
            name,
            purpose = "Vähendada koolist väljalangemist vallas",
            coordinatorName = "Kati Kask",
            coordinatorEmail = CoordinatorEmail,
            definitionId,
            members = Enumerable.Range(1, members).Select(i => new
            {
                name = $"Liige {i}",
                email = Email(i),
                language = languageOf(i),
                sector = "Education",
            }),
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <param name="lang">The history's language, "en" or "et"; none is Estonian.</param>
    public async Task<JsonObject> NetworkAsync(JsonObject network, string? lang = null) =>
        (await Api.GetFromJsonAsync<JsonObject>($"/api/networks/{network["id"]}{(lang is null ? "" : $"?lang={lang}")}"))!;

    public async Task<JsonObject> InstanceAsync(JsonObject network) =>
        (await Api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{network["workflowInstanceId"]}"))!;

    [GeneratedRegex(@"https?://[^/\s]+(/r/[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();

    /// <summary>The answer link (path) in a message's text.</summary>
    public static string LinkIn(string text) => LinkPattern().Match(text).Groups[1].Value;

    /// <summary>The links in the mail delivered once the host is quiet, by recipient address: the latest one each.</summary>
    public async Task<Dictionary<string, string>> LinksAsync()
    {
        await app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        var mail = delivered?.Invoke() ?? app.DeliveredMail();
        return mail.Where(m => LinkIn(m.TextBody ?? "") != "")
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => LinkIn(g.Last().TextBody!));
    }

    /// <summary>A member's own browser: a client with its own cookies.</summary>
    public HttpClient Browser() => address is null
        ? app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
        : KoostooApp.AsStaff(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = address });

    public sealed record Form(string Token, string Bookmark);

    public static async Task<(HttpResponseMessage Response, string Html, Form? Form)> OpenAsync(HttpClient browser, string link)
    {
        var response = await browser.GetAsync(link);
        var html = await response.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var bookmark = Regex.Match(html, "name=\"b\" value=\"([^\"]+)\"").Groups[1].Value;
        return (response, html, token == "" ? null : new Form(token, bookmark));
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string link, Form? form, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        if (form is not null)
        {
            values.Add(KeyValuePair.Create("__RequestVerificationToken", form.Token));
            values.Add(KeyValuePair.Create("b", form.Bookmark));
        }
        return browser.PostAsync(link, new FormUrlEncodedContent(values));
    }

    /// <summary>Opens the link and answers this scenario's question, as a member does.</summary>
    public Task<HttpResponseMessage> AnswerAsync(string link, bool join, string? note = null) =>
        AnswerAsync(link, ("join", join ? "yes" : "no"), ("note", note ?? ""));

    /// <summary>Opens the link and posts the form with these fields, as a member's browser does.</summary>
    public async Task<HttpResponseMessage> AnswerAsync(string link, params (string Name, string Value)[] fields)
    {
        using var browser = Browser();
        var (opened, html, form) = await OpenAsync(browser, link);
        opened.StatusCode.Should().Be(HttpStatusCode.OK, html);
        form.Should().NotBeNull();
        return await PostAsync(browser, link, form, fields);
    }

    public async Task<List<JournalEntry>> JournalAsync(JsonObject network)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = network["workflowInstanceId"]!.GetValue<Guid>();
        return await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Journal.AsNoTracking()
            .Where(j => j.InstanceId == id).OrderBy(j => j.Id).ToListAsync();
    }
}
