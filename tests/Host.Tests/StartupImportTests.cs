using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koostoo.Host.Tests;

/// <summary>
/// The workflows folder imported at every start: a broken file is skipped without taking the service down, an unchanged
/// file adds no version, a changed one becomes the next. Each test has a folder and host of its own, since it restarts it.
/// </summary>
public sealed class StartupImportTests : IDisposable
{
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    private string SampleFile => Path.Combine(_host.WorkflowsFolder, "sample-approval.json");

    private async Task<JsonObject?> SummaryAsync(string id) =>
        (await _host.Client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!
        .SingleOrDefault(d => d!["id"]!.GetValue<string>() == id)?.AsObject();

    private static IEnumerable<int> Versions(JsonObject summary) => summary["versions"]!.AsArray().Select(v => v!.GetValue<int>());

    /// <summary>The shipped sample with its result label changed: the same definition, different content.</summary>
    private void ChangeSample()
    {
        var sample = JsonNode.Parse(File.ReadAllText(SampleFile))!;
        sample["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "done")!["inputs"]!["status"] = "Approved by both";
        File.WriteAllText(SampleFile, sample.ToJsonString());
    }

    [Fact]
    public async Task Broken_files_are_skipped_and_the_good_ones_imported()
    {
        File.WriteAllText(Path.Combine(_host.WorkflowsFolder, "broken.json"),
            """{ "id": "broken", "name": "Broken", "activities": [ { "id": "a", "type": "SendFax" } ] }""");
        File.WriteAllText(Path.Combine(_host.WorkflowsFolder, "half-written.json"), """{ "id": "half-written", "activities": [ """);

        (await _host.Client.GetAsync("/health")).EnsureSuccessStatusCode();

        var ids = (await _host.Client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!.Select(d => d!["id"]!.GetValue<string>());
        ids.Should().Contain("sample-approval").And.NotContain(["broken", "half-written"]);
        Versions((await SummaryAsync("sample-approval"))!).Should().Equal(1);
    }

    [Fact]
    public async Task A_restart_adds_no_version_for_an_unchanged_file_and_the_next_for_a_changed_one()
    {
        Versions((await SummaryAsync("sample-approval"))!).Should().Equal(1);

        _host.Restart();
        Versions((await SummaryAsync("sample-approval"))!).Should().Equal(1);

        ChangeSample();
        _host.Restart();
        var summary = (await SummaryAsync("sample-approval"))!;
        Versions(summary).Should().Equal(1, 2);
        summary["publishedVersion"]!.GetValue<int>().Should().Be(2);
        var v2 = await _host.Client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/sample-approval/versions/2");
        v2!["definition"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "done")!["inputs"]!["status"]!
            .GetValue<string>().Should().Be("Approved by both");
    }

    [Fact]
    public async Task An_instance_started_before_a_changed_file_was_imported_keeps_its_version()
    {
        var started = await (await _host.Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "sample-approval" })).ShouldBeOkAsync(System.Net.HttpStatusCode.Created);
        var id = started["id"]!.GetValue<string>();

        ChangeSample();
        _host.Restart();
        foreach (var signal in new[] { "drafted", "approve-a", "approve-b" })
            await (await _host.Client.PostAsync($"/api/workflow-instances/{id}/signals/{signal}", null)).ShouldBeOkAsync();

        var instance = await _host.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}");
        instance!["definitionVersion"]!.GetValue<int>().Should().Be(1);
        instance["result"]!.GetValue<string>().Should().Be("Approved");
    }

    [Fact]
    public async Task A_designers_draft_stays_a_draft_numbered_after_the_version_a_changed_file_brings()
    {
        var draft = JsonNode.Parse(File.ReadAllText(SampleFile))!;
        draft["name"] = new JsonObject { ["et"] = "Kavand", ["en"] = "Draft" };
        (await _host.Client.PutAsJsonAsync("/api/workflow-definitions/sample-approval", draft)).EnsureSuccessStatusCode();
        (await SummaryAsync("sample-approval"))!["draftVersion"]!.GetValue<int>().Should().Be(2);

        ChangeSample();
        _host.Restart();

        var summary = (await SummaryAsync("sample-approval"))!;
        Versions(summary).Should().Equal(1, 2);
        summary["draftVersion"]!.GetValue<int>().Should().Be(3);
        var current = await _host.Client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/sample-approval");
        current!["version"]!.GetValue<int>().Should().Be(3);
        current["isPublished"]!.GetValue<bool>().Should().BeFalse();
        current["definition"]!["name"]!["en"]!.GetValue<string>().Should().Be("Draft");
        current["definition"]!["version"]!.GetValue<int>().Should().Be(3);
    }
}
