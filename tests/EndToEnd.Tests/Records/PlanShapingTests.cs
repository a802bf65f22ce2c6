using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Actions;
using Koostoo.Networks.History;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MimeKit;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>
/// The coordinator shapes the plan while it is followed, through the real host on Kestrel, a real SMTP server and, for
/// the page, headless Chromium; days pass on a fake clock. Members propose the plan (one action each); then the
/// coordinator reassigns, adds, edits and drops actions, and the running execution stage follows what she made.
/// </summary>
public sealed partial class PlanShapingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(AskMembersSmtpTests.NextMondayMorning());
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort.Next();
    private SmtpServer _smtp = null!;
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;
    private HttpClient _coordinator = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartedAsync();
        var settings = Network.Smtp(_smtp.Port);
        settings["Koostoo:PublicUrl"] = $"http://127.0.0.1:{_port}";
        _app = new KoostooApp(_folder, settings, services => services.AddSingleton<TimeProvider>(_time));
        _app.UseKestrel(_port);
        _app.StartServer();
        _address = new Uri($"http://127.0.0.1:{_port}");
        _scenario = new AskScenario(_app, _address, () => _smtp.Messages());
        _coordinator = KoostooApp.AsStaff(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _address });
        await _scenario.PublishAsync(PlanScenario.Definition());
    }

    public async Task DisposeAsync()
    {
        _coordinator.Dispose();
        await _app.DisposeAsync();
        _smtp.Dispose();
        _folder.Dispose();
    }

    private DateOnly Today => Koostoo.Networks.NetworkTime.Today(_time.GetUtcNow());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task PassAsync(TimeSpan time)
    {
        _time.Advance(time);
        await _app.Services.GetRequiredService<DueTimers>().FireAllDueAsync();
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Three members; 1 and 2 each take an action due in ten days, 3 takes none; the plan closes and is followed.</summary>
    private async Task<Guid> PlanFollowedAsync(Func<Guid, Task>? whilePlanning = null)
    {
        var network = await _scenario.LaunchAsync(3);
        var id = network["id"]!.GetValue<Guid>();
        var asked = await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30));
        var due = Iso(Today.AddDays(10));
        (await _scenario.AnswerAsync(LinkTo(asked, AskScenario.Email(1)), ("action", "Kodukülastus"), ("due", due), ("confirm", "yes"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _scenario.AnswerAsync(LinkTo(asked, AskScenario.Email(2)), ("action", "Kokkuvõte"), ("due", due), ("confirm", "yes"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        if (whilePlanning is not null) await whilePlanning(id);
        (await _scenario.AnswerAsync(LinkTo(asked, AskScenario.Email(3)), ("action", "-"), ("due", due), ("confirm", "no"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        (await _scenario.InstanceAsync(network))["waiting"]!.AsArray().Select(w => w!["activityId"]!.GetValue<string>()).Should().Contain("execution");
        return id;
    }

    [Fact]
    public async Task The_coordinator_reassigns_an_action_on_the_page_and_its_check_in_and_reminder_go_to_the_new_owner()
    {
        var id = await PlanFollowedAsync(async planning =>
        {
            // While the members still propose, the plan is theirs: the coordinator's change is refused, and says when it is possible.
            var early = await _scenario.Api.PostAsJsonAsync($"/api/networks/{planning}/actions", new { what = "Varane", ownerMemberId = await MemberIdAsync(planning, 3), dueOn = Iso(Today.AddDays(5)) });
            early.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await early.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Contain("kava saab muuta, kui see etapp on suletud");
        });
        var before = _smtp.Messages().Count;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        await page.GotoAsync($"{_address}networks/{id}");
        var action = page.Locator(".actions li", new() { HasText = "Kodukülastus" });
        await action.Locator("summary").ClickAsync();
        await action.Locator("select[name=ownerMemberId]").SelectOptionAsync(new SelectOptionValue { Label = "Liige 3" });
        await action.GetByRole(AriaRole.Button, new() { Name = "Anna üle" }).ClickAsync();
        await page.WaitForURLAsync("**done=action-reassigned");
        (await page.InnerTextAsync("main")).Should().Contain("Tegevusel on uus vastutaja")
            .And.Contain("Koordinaator andis tegevuse „Kodukülastus“ üle: Liige 1 → Liige 3.");
        (await page.InnerTextAsync(".actions li:has-text('Kodukülastus') .meta")).Should().StartWith("Liige 3");

        // The plan's forms, all open, on a phone in both languages: nothing overflows, axe-core finds no WCAG A/AA violation.
        var phone = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, BypassCSP = true, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        var small = await phone.NewPageAsync();
        foreach (var (query, words) in new[] { ("", "Anna üle"), ("?lang=en", "Hand on") })
        {
            await small.GotoAsync($"{_address}networks/{id}{query}");
            await small.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            (await small.InnerTextAsync(".actions")).Should().Contain(words);
            (await small.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)" +
                ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ': ' + (e.textContent || '').trim().slice(0, 40))"))
                .Should().BeEmpty("the plan's forms fit a phone");
            (await Accessibility.ViolationsAsync(small)).Should().BeEmpty();
        }

        // The new owner is mailed their link; the old one hears the action is no longer theirs.
        var mail = (await WaitForMailAsync(before + 2)).Skip(before).ToList();
        var toNew = mail.Single(m => To(m) == AskScenario.Email(3));
        // Liige 3 reads English.
        toNew.Subject.Should().Be("Kooli võrgustik: a change in the action plan");
        toNew.TextBody.Should().Contain("The action \"Kodukülastus\"").And.Contain("is yours now; Liige 1 had it before.");
        var newLink = AskScenario.LinkIn(toNew.TextBody!);
        newLink.Should().NotBeEmpty();
        mail.Single(m => To(m) == AskScenario.Email(1)).TextBody.Should().Contain("on nüüd Liige 3 vastutada; sinult selle kohta enam ei küsita.")
            .And.NotContain("/r/", "the old owner gets no link");

        // Seven days on, three before the due date: the check-ins go to Liige 3 and Liige 2, none to Liige 1.
        var sent = _smtp.Messages().Count;
        await PassAsync(TimeSpan.FromDays(7) + TimeSpan.FromHours(2));
        var checkIns = (await WaitForMailAsync(sent + 2)).Skip(sent).ToList();
        checkIns.Select(m => (To(m), m.Subject)).Should().BeEquivalentTo(new[]
        {
            (AskScenario.Email(3), "Kooli võrgustik: please answer – How is your action \"Kodukülastus\" going?"),
            (AskScenario.Email(2), "Kooli võrgustik: palun vasta – Kuidas läheb tegevusega „Kokkuvõte“?"),
        });

        // Past the due date: the overdue reminder for it goes to Liige 3; the coordinator is told Liige 3 owns it.
        sent = _smtp.Messages().Count;
        await PassAsync(TimeSpan.FromDays(4));
        var overdue = (await WaitForMailAsync(sent + 4)).Skip(sent).ToList();
        overdue.Where(m => To(m) == AskScenario.Email(1)).Should().BeEmpty("Liige 1 no longer owns an action");
        overdue.Should().ContainSingle(m => To(m) == AskScenario.Email(3) && m.Subject!.StartsWith("Reminder", StringComparison.Ordinal));
        overdue.Where(m => To(m) == AskScenario.CoordinatorEmail).Select(m => m.TextBody).Should().Contain(t => t!.Contains("„Kodukülastus“ (vastutaja Liige 3)"));

        // The new owner reports through the link they were given: the action is done.
        (await _scenario.AnswerAsync(newLink, ("status", "done"), ("progress", "Käidud"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var done = await WithDbAsync(db => db.Set<ActionItem>().SingleAsync(a => a.What == "Kodukülastus"));
        (done.Status, done.OwnerName).Should().Be((ActionStatus.Done, "Liige 3"));
    }

    [Fact]
    public async Task A_past_due_date_is_refused_beside_the_field_with_nothing_saved_then_an_added_action_is_followed()
    {
        var id = await PlanFollowedAsync();
        var third = await MemberIdAsync(id, 3);
        var before = _smtp.Messages().Count;

        var (refused, html) = await PostPageAsync(id, "addAction", ("what", "Tugiisiku leidmine"), ("ownerMemberId", third.ToString()), ("dueOn", Iso(Today.AddDays(-1))));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var dueField = html[html.IndexOf("id=\"add-due\"", StringComparison.Ordinal)..];
        dueField[..dueField.IndexOf("</div>", StringComparison.Ordinal)]
            .Should().Contain($"See kuupäev on möödas: vali täna ({Today:dd.MM.yyyy}) või hilisem päev.", "the message is beside the due date");
        html.Should().Contain("Tegevuskava ei muudetud: paranda märgitud väljad.").And.Contain("value=\"Tugiisiku leidmine\"", "what was typed is kept");
        (await WithDbAsync(db => db.Set<ActionItem>().CountAsync())).Should().Be(2, "nothing is saved");
        (await WithDbAsync(db => db.Set<HistoryEntry>().CountAsync(h => h.Kind == HistoryKind.ActionAdded))).Should().Be(0);

        // The API says the same, naming the field.
        var api = await _scenario.Api.PostAsJsonAsync($"/api/networks/{id}/actions", new { what = "", ownerMemberId = third, dueOn = Iso(Today.AddDays(-1)) });
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await api.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["dueOn"]![0]!.GetValue<string>().Should().Contain("See kuupäev on möödas");
        problem["errors"]!["what"]!.AsArray().Should().ContainSingle();
        (await WithDbAsync(db => db.Set<ActionItem>().CountAsync())).Should().Be(2);
        _smtp.Messages().Should().HaveCount(before, "nobody is mailed of a change not made");

        // Due in two days: inside the check-in time, so the owner's mail with the link is the check-in.
        var due = Today.AddDays(2);
        var (added, _) = await PostPageAsync(id, "addAction", ("what", "Tugiisiku leidmine"), ("ownerMemberId", third.ToString()), ("dueOn", Iso(due)), ("needs", "Kontakt"));
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        added.Headers.Location!.ToString().Should().Be($"/networks/{id}?done=action-added");
        var toOwner = (await WaitForMailAsync(before + 1)).Skip(before).Single();
        To(toOwner).Should().Be(AskScenario.Email(3));
        toOwner.TextBody.Should().Contain($"A new action is yours: \"Tugiisiku leidmine\", due on {Koostoo.Networks.DateText.InWords(due, "en")}.", "Liige 3 reads English");

        // The running stage follows it: the morning after its due date its owner is reminded.
        var sent = _smtp.Messages().Count;
        await PassAsync(TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        var reminders = (await WaitForMailAsync(sent + 2)).Skip(sent).ToList();
        reminders.Should().ContainSingle(m => To(m) == AskScenario.Email(3) && m.Subject!.StartsWith("Reminder", StringComparison.Ordinal));
        reminders.Where(m => To(m) == AskScenario.CoordinatorEmail).Select(m => m.TextBody).Should().Contain(t => t!.Contains("„Tugiisiku leidmine“ (vastutaja Liige 3)"));
        var detail = (await _scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!;
        detail["history"]!.AsArray().Select(h => h!["text"]!.GetValue<string>())
            .Should().Contain($"Koordinaator lisas tegevuskavasse tegevuse „Tugiisiku leidmine“ (vastutaja Liige 3, tähtaeg {Koostoo.Networks.DateText.InWords(due, "et")}).");
    }

    [Fact]
    public async Task An_edited_action_moves_its_check_in_and_a_dropped_one_gets_none_and_stays_in_the_history()
    {
        var id = await PlanFollowedAsync();
        var actions = await WithDbAsync(db => db.Set<ActionItem>().ToDictionaryAsync(a => a.What, a => a.Id));
        var before = _smtp.Messages().Count;

        // Edit through the API: new words and a due date twenty days on.
        var edited = await _scenario.Api.PutAsJsonAsync($"/api/networks/{id}/actions/{actions["Kokkuvõte"]}", new { what = "Kokkuvõte vallavalitsusele", dueOn = Iso(Today.AddDays(20)) });
        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = (await edited.Content.ReadFromJsonAsync<JsonObject>())!;
        (view["what"]!.GetValue<string>(), view["dueOn"]!.GetValue<string>()).Should().Be(("Kokkuvõte vallavalitsusele", Iso(Today.AddDays(20))));
        var toOwner = (await WaitForMailAsync(before + 1)).Skip(before).Single();
        To(toOwner).Should().Be(AskScenario.Email(2));
        toOwner.TextBody.Should().Contain("Sinu tegevus on nüüd „Kokkuvõte vallavalitsusele“");
        var bad = await _scenario.Api.PutAsJsonAsync($"/api/networks/{id}/actions/{actions["Kokkuvõte"]}", new { what = "Kokkuvõte", dueOn = Iso(Today.AddDays(-3)) });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["dueOn"].Should().NotBeNull();

        // Drop on the page.
        var (dropped, _) = await PostPageAsync(id, "dropAction", ("actionId", actions["Kodukülastus"].ToString()));
        dropped.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await _coordinator.GetStringAsync(dropped.Headers.Location));
        page.Should().Contain("Tegevus on tegevuskavast välja jäetud").And.Contain("kavast välja jäetud")
            .And.Contain("Koordinaator jättis tegevuse „Kodukülastus“ (Liige 1) tegevuskavast välja.")
            .And.Contain("Koordinaator muutis tegevust „Kokkuvõte“ (Liige 2): nüüd „Kokkuvõte vallavalitsusele“");
        (await _scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}/actions/{actions["Kodukülastus"]}"))!["status"]!.GetValue<string>().Should().Be("Dropped");
        (await _scenario.Api.PostAsync($"/api/networks/{id}/actions/{actions["Kodukülastus"]}/drop", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "dropped once");

        var toOld = (await WaitForMailAsync(before + 2)).Skip(before + 1).Single();
        To(toOld).Should().Be(AskScenario.Email(1));
        toOld.TextBody.Should().Contain("Tegevus „Kodukülastus“ jäeti tegevuskavast välja; sinult selle kohta enam ei küsita.");

        // Twelve days on: both old due dates are past. Nobody is asked about the dropped action, and the edited one is not due yet.
        var sent = _smtp.Messages().Count;
        await PassAsync(TimeSpan.FromDays(12));
        await Task.Delay(TimeSpan.FromSeconds(1));
        _smtp.Messages().Skip(sent).Should().BeEmpty("the dropped action asks nobody and the edited one's check-in moved to three days before its new date");

        // Its check-in comes three days before the new due date, to its owner.
        await PassAsync(TimeSpan.FromDays(6));
        var checkIn = (await WaitForMailAsync(sent + 1)).Skip(sent).Single();
        (To(checkIn), checkIn.Subject).Should().Be((AskScenario.Email(2), "Kooli võrgustik: palun vasta – Kuidas läheb tegevusega „Kokkuvõte vallavalitsusele“?"));
    }

    [Fact]
    public async Task Only_the_networks_coordinators_and_admins_shape_its_plan()
    {
        var id = await PlanFollowedAsync();
        var action = await WithDbAsync(db => db.Set<ActionItem>().Where(a => a.What == "Kodukülastus").Select(a => a.Id).SingleAsync());
        var third = await MemberIdAsync(id, 3);
        using var stranger = await CoordinatorAsync("mari@vald.example");

        (await stranger.PostAsJsonAsync($"/api/networks/{id}/actions", new { what = "Võõras", ownerMemberId = third, dueOn = Iso(Today.AddDays(5)) }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "another coordinator's network does not exist for her");
        (await stranger.PostAsJsonAsync($"/api/networks/{id}/actions/{action}/reassign", new { ownerMemberId = third })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PutAsJsonAsync($"/api/networks/{id}/actions/{action}", new { what = "Võõras", dueOn = Iso(Today.AddDays(5)) })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/networks/{id}/actions/{action}/drop", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var unchanged = await WithDbAsync(db => db.Set<ActionItem>().ToListAsync());
        unchanged.Select(a => (a.What, a.OwnerName, a.Status)).Should().BeEquivalentTo(new[]
        {
            ("Kodukülastus", "Liige 1", ActionStatus.Confirmed), ("Kokkuvõte", "Liige 2", ActionStatus.Confirmed),
        });

        // The network's own coordinator may.
        using var own = await CoordinatorAsync(AskScenario.CoordinatorEmail);
        var reassigned = await own.PostAsJsonAsync($"/api/networks/{id}/actions/{action}/reassign", new { ownerMemberId = third });
        reassigned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reassigned.Content.ReadFromJsonAsync<JsonObject>())!["ownerName"]!.GetValue<string>().Should().Be("Liige 3");
        var same = await own.PostAsJsonAsync($"/api/networks/{id}/actions/{action}/reassign", new { ownerMemberId = third });
        same.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await same.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["ownerMemberId"].Should().NotBeNull();

        // An admin makes the other coordinator a co-coordinator of this network: now she may.
        (await _scenario.Api.PostAsJsonAsync($"/api/networks/{id}/access", new { email = "mari@vald.example" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await WithDbAsync(db => db.Set<ActionItem>().Where(a => a.What == "Kokkuvõte").Select(a => a.Id).SingleAsync());
        (await stranger.PostAsync($"/api/networks/{id}/actions/{other}/drop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WithDbAsync(db => db.Set<ActionItem>().SingleAsync(a => a.Id == other))).Status.Should().Be(ActionStatus.Dropped);
    }

    /// <summary>A staff user with the Coordinator role only, calling this host on Kestrel by their API key.</summary>
    private async Task<HttpClient> CoordinatorAsync(string email)
    {
        var user = await _app.CreateStaffAsync(email, "A coordinator's long password", Koostoo.Service.Access.StaffRoles.Coordinator);
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await _app.CreateKeyAsync(user));
        return client;
    }

    private async Task<Guid> MemberIdAsync(Guid networkId, int i) =>
        (await _scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}"))!["members"]!.AsArray()
            .Single(m => m!["email"]!.GetValue<string>() == AskScenario.Email(i))!["id"]!.GetValue<Guid>();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Opens the network page and posts one of its forms, as the coordinator's browser does.</summary>
    private async Task<(HttpResponseMessage Response, string Html)> PostPageAsync(Guid id, string handler, params (string Name, string Value)[] fields)
    {
        var page = await _coordinator.GetStringAsync($"/networks/{id}");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        var response = await _coordinator.PostAsync($"/networks/{id}?handler={handler}", new FormUrlEncodedContent(values));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<List<MimeMessage>> WaitForMailAsync(int count) => _smtp.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30));

    private async Task<T> WithDbAsync<T>(Func<KoostooDbContext, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KoostooDbContext>());
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string LinkTo(IEnumerable<MimeMessage> mail, string address) =>
        mail.Where(m => To(m) == address).Select(m => AskScenario.LinkIn(m.TextBody ?? "")).Single(l => l != "");
}
