using System.Net;
using ClosedXML.Excel;
using CsvHelper;
using Koostoo.EndToEnd.Tests.Requests;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Evaluation;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Meetings;
using Koostoo.Networks.Members;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.WorkSheets;

/// <summary>
/// A network launched through the API, its goal, actions, meeting and feedback written into the database as the
/// workflow would, and the work sheets downloaded as a coordinator does: the spreadsheet opened, the CSV parsed, the
/// print page read; all three show the same rows.
/// </summary>
public sealed class WorkSheetTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly int _port = Koostoo.Testing.FreePort.Next();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        _app.UseKestrel(_port);
        _app.StartServer();
        _http = KoostooApp.AsStaff(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") });
        _scenario = new AskScenario(_app, _http.BaseAddress);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<Guid> NetworkWithRecordsAsync()
    {
        var network = await _scenario.LaunchAsync(3, definitionId: "network-lifecycle");
        var id = network["id"]!.GetValue<Guid>();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoostooDbContext>();
        var members = await db.Set<Member>().Where(m => m.NetworkId == id).OrderBy(m => m.Email).ToListAsync();
        members[0].Phone = "+372 5555 1234";
        members[0].Role = "märkmete tegija";
        members[0].AgreementsAcceptedAt = new DateTimeOffset(2030, 3, 2, 9, 15, 0, TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;
        db.Add(new Goal
        {
            NetworkId = id, Draft = 1, Status = GoalStatus.Rejected, Problem = "Vana sõnastus", Specific = "-", Measurable = "-",
            Ambitious = "-", Realistic = "-", ProposedAt = now,
        });
        db.Add(new Goal
        {
            NetworkId = id, Draft = 2, Status = GoalStatus.Approved, Problem = "Põhikoolist langeb välja 12 õpilast aastas",
            Specific = "Iga puudujaga tegeleb üks inimene", Measurable = "Väljalangejaid alla 5", Ambitious = "Pool vähem",
            Realistic = "Koostöös noortekeskusega", TimeBound = new DateOnly(2031, 6, 1), VotesFor = 3, VotesAgainst = 0, ProposedAt = now, DecidedAt = now,
        });
        var late = new ActionItem { NetworkId = id, What = "Kaardista puudujad", OwnerName = "Liige 1", DueOn = new DateOnly(2020, 1, 15), ConfirmedAt = now };
        late.Progress.Add(new ActionProgress { At = now.AddDays(-5), Status = ActionStatus.OnTrack, Note = "Alustasin" });
        late.Progress.Add(new ActionProgress { At = now.AddDays(-1), Status = ActionStatus.Late, Note = "Andmed puudu" });
        db.Add(late);
        db.Add(new ActionItem { NetworkId = id, What = "Noortekeskuse tunnid", OwnerName = "Liige 2", DueOn = new DateOnly(2020, 1, 10),
            Status = ActionStatus.Done, DoneAt = now, ConfirmedAt = now });
        db.Add(new Meeting { NetworkId = id, Title = "Esimene kohtumine", StartsAt = new DateTimeOffset(2030, 5, 6, 7, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2030, 5, 6, 8, 0, 0, TimeSpan.Zero), Place = "Vallamaja", Agenda = "1. Tutvumine", Memo = "Lepiti kokku eesmärk", CreatedAt = now });
        foreach (var (goal, quality, satisfaction, comment) in new[] { (4, 5, 5, "Hea koostöö"), (3, 4, 4, (string?)null), (4, 3, 5, "Rohkem aega") })
            db.Add(new Feedback { NetworkId = id, RespondentName = "x", GoalReached = goal, CooperationQuality = quality, Satisfaction = satisfaction,
                ResourcesUsed = "2 tundi nädalas", Comment = comment, GivenAt = now });
        await db.SaveChangesAsync();
        return id;
    }

    private static List<string?> RowOf(IXLWorksheet sheet, string firstCell) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == firstCell).Cells(1, 8).Select(c => c.IsEmpty() ? null : c.GetString()).ToList();

    [Fact]
    public async Task The_work_plan_downloads_as_a_spreadsheet_a_csv_and_a_print_page_with_the_same_rows()
    {
        var id = await NetworkWithRecordsAsync();

        var xlsx = await _http.GetAsync($"/networks/{id}/sheets/plan.xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("kooli-vorgustik-tooplaan.xlsx");
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheets.Single();
            sheet.Cell(1, 1).GetString().Should().Be("Tööplaan: Kooli võrgustik");
            RowOf(sheet, "Probleem")[1].Should().Be("Põhikoolist langeb välja 12 õpilast aastas", "the approved goal, not the rejected draft");
            var timeBound = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Tähtajaga").Cell(2);
            timeBound.DataType.Should().Be(XLDataType.DateTime);
            timeBound.GetDateTime().Should().Be(new DateTime(2031, 6, 1));
            var late = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Kaardista puudujad");
            late.Cell(2).GetString().Should().Be("Liige 1");
            late.Cell(4).GetString().Should().Be("kokku lepitud");
            late.Cell(5).GetString().Should().Be("Andmed puudu", "the last progress note");
            late.Cell(7).GetString().Should().Be("jah", "overdue");
            late.Cell(1).Style.Fill.BackgroundColor.Color.ToArgb().Should().NotBe(XLColor.NoColor.Color.ToArgb());
            RowOf(sheet, "Noortekeskuse tunnid")[6].Should().BeNull("done is not overdue");
        }

        var csv = await _http.GetAsync($"/networks/{id}/sheets/plan.csv");
        csv.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("kooli-vorgustik-tooplaan.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "a byte order mark, so Excel reads õ and ä");
        var records = Parse(bytes, ';');
        records.Should().Contain(r => r[0] == "Probleem" && r[1] == "Põhikoolist langeb välja 12 õpilast aastas");
        records.Should().Contain(r => r[0] == "Tähtajaga" && r[1] == "01.06.2031");
        records.Single(r => r[0] == "Kaardista puudujad").Take(7).Should().Equal("Kaardista puudujad", "Liige 1",
            "15.01.2020", "kokku lepitud", "Andmed puudu", "", "jah");
        records.Select(r => r.Count).Distinct().Should().ContainSingle("every record as wide as the widest table");

        var page = await _http.GetStringAsync($"/networks/{id}/sheets/plan");
        page.Should().Contain("<h1>Tööplaan</h1>").And.Contain("<td>Põhikoolist langeb välja 12 õpilast aastas</td>")
            .And.MatchRegex(@"<tr class=""flagged"">\s*<td>Kaardista puudujad</td>", "the overdue action is marked")
            .And.MatchRegex(@"<tr>\s*<td>Noortekeskuse tunnid</td>");
        page.Should().Contain("href=\"/networks/" + id + "/sheets/plan.xlsx\"");
        (await _http.GetStringAsync("/css/sheet.css")).Should().Contain("@media print");

        var english = await _http.GetStringAsync($"/networks/{id}/sheets/plan?lang=en");
        english.Should().Contain("<h1>Work plan</h1>").And.Contain("<th scope=\"col\">Overdue</th>")
            .And.Contain("href=\"/networks/" + id + "/sheets/plan.csv?lang=en\"", "the downloads keep the page's language");
        var englishCsv = await _http.GetAsync($"/networks/{id}/sheets/plan.csv?lang=en");
        englishCsv.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("kooli-vorgustik-work-plan.csv");
        Parse(await englishCsv.Content.ReadAsByteArrayAsync(), ',').Should().Contain(r => r[0] == "Time-bound" && r[1] == "1 June 2031");
    }

    private static List<List<string>> Parse(byte[] csv, char separator)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = separator, HasHeader = false });
        var records = new List<List<string>>();
        while (reader.Read()) records.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList());
        return records;
    }

    [Fact]
    public async Task Members_agreements_meetings_and_feedback_hold_what_the_network_recorded()
    {
        var id = await NetworkWithRecordsAsync();

        using (var members = new XLWorkbook(await _http.GetStreamAsync($"/networks/{id}/sheets/members.xlsx")))
        {
            var sheet = members.Worksheets.Single();
            RowOf(sheet, "Kati Kask")[3].Should().Be("võrgustiku juht");
            var first = RowOf(sheet, "Liige 1");
            first.Take(7).Should().Equal("Liige 1", null, "haridus", "märkmete tegija", AskScenario.Email(1), "+372 5555 1234", "kutsutud");
        }

        var agreements = Parse(await _http.GetByteArrayAsync($"/networks/{id}/sheets/agreements.csv"), ';');
        agreements.Should().Contain(r => r[0] == "1" && r[1].Length > 0, "the field's default agreements were saved at launch");
        agreements.Single(r => r[0] == "Liige 1")[1].Should().Be("02.03.2030 11:15", "Tallinn time");
        agreements.Single(r => r[0] == "Liige 2")[1].Should().Be("ei ole veel");

        var meetings = await _http.GetStringAsync($"/networks/{id}/sheets/meetings");
        meetings.Should().Contain("<td>06.05.2030 10:00</td>").And.Contain("<td>Vallamaja</td>").And.Contain("<td>Lepiti kokku eesmärk</td>");

        using (var feedback = new XLWorkbook(await _http.GetStreamAsync($"/networks/{id}/sheets/feedback.xlsx")))
        {
            var sheet = feedback.Worksheets.Single();
            var total = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Tagasiside andjaid").RowBelow();
            total.Cell(1).GetDouble().Should().Be(3);
            var quality = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Koostöö kvaliteet");
            quality.Cell(2).GetDouble().Should().Be(3);
            quality.Cell(3).GetDouble().Should().Be(4.0);
            Enumerable.Range(4, 5).Select(c => quality.Cell(c).GetDouble()).Should().Equal(0, 0, 1, 1, 1);
            sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Eesmärk saavutati").Cell(3).GetDouble().Should().Be(3.7);
            sheet.RowsUsed().Count(r => r.Cell(1).GetString() == "2 tundi nädalas").Should().Be(3);
            sheet.RowsUsed().Should().Contain(r => r.Cell(1).GetString() == "Rohkem aega");
        }
    }

    [Fact]
    public async Task Unknown_sheets_and_networks_get_404_with_a_message_and_other_machines_get_nothing()
    {
        var id = await NetworkWithRecordsAsync();

        var sheet = await _http.GetAsync($"/networks/{id}/sheets/budget.xlsx");
        sheet.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sheet.Content.ReadAsStringAsync()).Should().Contain("Töölehte „budget“ ei ole. Töölehed on: members, agreements, plan, meetings, feedback, information, review.");
        var page = await _http.GetAsync($"/networks/{id}/sheets/budget?lang=en");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).Should().Contain("There is no work sheet &#x27;budget&#x27;");
        var network = await _http.GetAsync($"/networks/{Guid.NewGuid()}/sheets/plan.csv");
        network.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await network.Content.ReadAsStringAsync()).Should().Contain("Võrgustikku");

        // The files answer nobody who has not signed in, as the pages do.
        using var stranger = new HttpClient { BaseAddress = _http.BaseAddress };
        (await stranger.GetAsync($"/networks/{id}/sheets/plan.csv")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
