using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Playwright;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>
/// What the network said, where the coordinator needs it: the shipped lifecycle through the real host on Kestrel,
/// a real SMTP server, answers given through the links in the mail, and the coordinator's pages in headless Chromium.
/// </summary>
public sealed class MembersSaidTests : IAsyncLifetime
{
    private const string Coordinator = AskScenario.CoordinatorEmail;
    private const string Colleague = "mari@kool.example";
    private MailedHost _host = null!;

    public async Task InitializeAsync() => _host = await MailedHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_coordinator_invites_a_suggested_colleague_in_one_click_and_reads_what_each_field_said_when_wording_the_goal()
    {
        var id = await SchoolNetwork.LaunchAsync(_host.Scenario.Api);
        var members = Enumerable.Range(1, 8).Select(AskScenario.Email).ToList();

        // Convene: member 1 suggests a colleague in their place; everyone else takes part.
        var invitations = await _host.Mail.NewAsync(8);
        await _host.Mail.AnswerAsync(invitations, members[0], ("answer", "suggest"), ("colleague", "Mari Maasikas, mari@kool.example"));
        foreach (var member in members.Skip(1)) await _host.Mail.AnswerAsync(invitations, member, ("answer", "accept"));
        var afterInvitations = await _host.Mail.NewAsync(8);
        var summary = afterInvitations.Single(m => MemberMail.To(m) == Coordinator).TextBody;
        summary.Should().Contain("Kutsetele vastati: 8 / 8. Kõik vastasid.").And.Contain("Liige 1 soovitab enda asemel: Mari Maasikas, mari@kool.example")
            .And.NotContain("Vastamata", "nobody is silent, so no empty 'not answered' line");

        // The suggestion is on the network page with an invite button; one click adds her and asks her in the waiting step.
        var page = await _host.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Desktop, ExtraHTTPHeaders = KoostooApp.StaffHeaders });
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        var suggestion = page.Locator("li.suggestion");
        (await suggestion.InnerTextAsync()).Should().Contain("Mari Maasikas, mari@kool.example").And.Contain("soovitas Liige 1");
        (await suggestion.Locator("input[name=name]").InputValueAsync()).Should().Be("Mari Maasikas");
        (await suggestion.Locator("input[name=email]").InputValueAsync()).Should().Be(Colleague);
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Kutsu" }).ClickAsync();
        await page.WaitForURLAsync("**/networks/*?done=colleague-invited");
        (await page.InnerTextAsync("li.suggestion")).Should().Contain("kutsutud");
        (await page.Locator("li.suggestion form").CountAsync()).Should().Be(0, "invited once, the button is gone");
        (await page.InnerTextAsync("ul.history")).Should().Contain("Mari Maasikas kutsuti võrgustikku (Liige 1 soovitusel).");
        (await page.InnerTextAsync("ul.members")).Should().Contain("Mari Maasikas");
        var invitation = await _host.Mail.NewAsync(1);
        MemberMail.To(invitation[0]).Should().Be(Colleague, "her request of the waiting step (roles) goes out at once");

        // Roles, then what each field knows and offers.
        var people = members.Skip(1).Append(Colleague).ToList();
        var roles = afterInvitations.Concat(invitation).ToList();
        foreach (var person in people) await _host.Mail.AnswerAsync(roles, person, ("role", person == members[1] ? "notes" : "member"), ("agree", "yes"));
        var information = await _host.Mail.NewAsync(8);

        // Roles read in the page's language.
        string? RoleOf(JsonObject network, string name) => network["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == name)!["role"]?.GetValue<string>();
        var estonian = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!;
        var english = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}?lang=en"))!;
        (RoleOf(estonian, "Liige 2"), RoleOf(english, "Liige 2"), RoleOf(estonian, "Liige 3"), RoleOf(english, "Liige 3"))
            .Should().Be(("Protokollija", "Note-taker", "Liige", "Member"));
        await page.GotoAsync($"{_host.Url}/networks/{id}?lang=en");
        (await page.InnerTextAsync("ul.members")).Should().Contain("Note-taker").And.NotContain("Protokollija");
        MemberMail.To(information).Should().BeEquivalentTo(people);
        foreach (var person in people)
            await _host.Mail.AnswerAsync(information, person, ("knows", $"{Name(person)}: neli õpilast jättis kooli pooleli"), ("offers", person == Colleague ? "" : $"{Name(person)} pakub nõustamist"));
        var draftRequest = await _host.Mail.NewAsync(1);

        // The goal-draft request shows the coordinator every answer, with the member's field.
        await page.GotoAsync(_host.Url + AskScenario.LinkIn(draftRequest[0].TextBody!));
        var context = await page.InnerTextAsync(".context");
        context.Should().StartWith("Liikmed on andnud infot (8 vastust 8-st):");
        context.Should().Contain("Liige 2 (haridus)\nTeame: Liige 2: neli õpilast jättis kooli pooleli\nPakume: Liige 2 pakub nõustamist");
        context.Should().Contain("Liige 8 (sihtrühma esindaja)").And.Contain("Mari Maasikas (muu)\nTeame: Mari Maasikas: neli õpilast jättis kooli pooleli");
        context.Should().NotContain("Mari Maasikas pakub", "she offered nothing");

        // The network page, by sector; the API; the sheet.
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        (await page.Locator("section.contributions").CountAsync()).Should().Be(7, "seven fields answered: two members of education, Mari of none named");
        (await page.InnerTextAsync("section.contributions[data-sector=Education]")).Should().Contain("Liige 2").And.Contain("Liige 5").And.Contain("Pakume: Liige 5 pakub nõustamist");
        var detail = await _host.Scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}?lang=en");
        var contributions = detail!["contributions"]!.AsArray();
        contributions.Should().HaveCount(8);
        var fifth = contributions.Single(c => c!["name"]!.GetValue<string>() == "Liige 5")!;
        (fifth["sector"]!.GetValue<string>(), fifth["sectorName"]!.GetValue<string>(), fifth["knows"]!.GetValue<string>(), fifth["offers"]!.GetValue<string>())
            .Should().Be(("Education", "education", "Liige 5: neli õpilast jättis kooli pooleli", "Liige 5 pakub nõustamist"));
        using (var workbook = new XLWorkbook(await _host.Scenario.Api.GetStreamAsync($"/networks/{id}/sheets/information.xlsx")))
        {
            var sheet = workbook.Worksheets.Single();
            sheet.Cell(1, 1).GetString().Should().Be("Info kogumine: mida valdkonnad teavad ja pakuvad: Kooli võrgustik");
            var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Liige 8");
            (row.Cell(1).GetString(), row.Cell(3).GetString()).Should().Be(("sihtrühma esindaja", "Liige 8: neli õpilast jättis kooli pooleli"));
        }

        // The vote: a reason against is shown beside the vote.
        await _host.Mail.AnswerAsync(draftRequest, Coordinator, ("problem", "Noored langevad koolist välja"), ("specific", "Vähem väljalangejaid"),
            ("measurable", "Poole vähem"), ("ambitious", "Iga noor lõpetab"), ("realistic", "Kõik on kaasas"), ("timebound", "2027-06-30"));
        var vote = await _host.Mail.NewAsync(8);
        await _host.Mail.AnswerAsync(vote, members[1], ("approve", "no"), ("why", "Liiga üldine: mida täpselt mõõdame?"));
        foreach (var person in people.Skip(1).Take(5)) await _host.Mail.AnswerAsync(vote, person, ("approve", "yes"));
        await page.GotoAsync($"{_host.Url}/networks/{id}");
        (await page.InnerTextAsync("ul.votes li.vote-against")).Should().Be("Liige 2 – vastu: Liiga üldine: mida täpselt mõõdame?");
        (await page.Locator("ul.votes li.vote-for").CountAsync()).Should().Be(5);
        var goal = (await _host.Scenario.Api.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["goal"]!;
        goal["votes"]!.AsArray().Single(v => !v!["approve"]!.GetValue<bool>())!["reason"]!.GetValue<string>().Should().Be("Liiga üldine: mida täpselt mõõdame?");
    }

    private static string Name(string address) => address == Colleague ? "Mari Maasikas" : $"Liige {address[5..address.IndexOf('@')]}";
}
