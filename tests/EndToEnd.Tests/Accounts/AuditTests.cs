using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koostoo.EndToEnd.Tests.Accounts;

/// <summary>The audit log lists a coordinator's sheet export and an admin's definition change; a coordinator reads only her networks' lines.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        return Task.CompletedTask;
    }

    private async Task<Guid> LaunchAsync(HttpClient admin, string name, string coordinator)
    {
        var response = await admin.PostAsJsonAsync("/api/networks", new
        {
            name, purpose = "Toetada last ja peret", coordinatorName = "Koordinaator", coordinatorEmail = coordinator, definitionId = "network-lifecycle",
            members = new[] { new { name = "Liige", email = "liige@kool.example", language = "et", sector = "Education" } },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task A_coordinators_sheet_export_and_an_admins_definition_change_are_listed_and_a_coordinator_sees_only_hers()
    {
        var admin = _app.CreateClient();
        var kati = await LaunchAsync(admin, "Kati võrgustik", "kati@vald.example");
        var mari = await LaunchAsync(admin, "Mari võrgustik", "mari@vald.example");
        var katiClient = await _app.CoordinatorClientAsync("kati@vald.example");
        var mariClient = await _app.CoordinatorClientAsync("mari@vald.example");

        (await katiClient.GetAsync($"/networks/{kati}/sheets/members.csv")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await mariClient.GetAsync($"/networks/{mari}/sheets/plan.xlsx")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await katiClient.GetAsync($"/networks/{mari}/sheets/plan.xlsx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var draft = (await admin.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/sample-email"))!["definition"]!;
        (await admin.PutAsJsonAsync("/api/workflow-definitions/sample-email", draft)).StatusCode.Should().Be(HttpStatusCode.OK);

        var all = await admin.GetStringAsync("/admin/audit?lang=en");
        all.Should().Contain("kati@vald.example").And.Contain("exported a work sheet").And.Contain($"/networks/{kati}/sheets/members.csv");
        all.Should().Contain(KoostooApp.StaffEmail).And.Contain("changed a workflow definition").And.Contain("/api/workflow-definitions/sample-email");
        all.Should().Contain("mari@vald.example");
        all.Should().Contain("Kati võrgustik").And.Contain("Mari võrgustik");

        var hers = await katiClient.GetStringAsync("/admin/audit?lang=en");
        hers.Should().Contain("exported a work sheet").And.Contain("Kati võrgustik");
        hers.Should().NotContain("Mari võrgustik").And.NotContain("mari@vald.example").And.NotContain("changed a workflow definition")
            .And.NotContain($"{mari}", "not even the refused try on Mari's network");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
