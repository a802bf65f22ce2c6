using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Host.Tests;

/// <summary>An admin's round through the definitions API: rejected drafts, drafts, publishing, versions.</summary>
public class DefinitionApiTests(KoostooHost host) : IClassFixture<KoostooHost>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Approval(string id, string result) => Flow(id, [
        Act("wait", "WaitForSignal", new { signal = "go" }),
        Act("end", "Finish", new { status = result }),
    ], [Link("wait", "end")]);

    [Fact]
    public async Task An_invalid_definition_is_rejected_with_every_problem_and_its_path_and_nothing_is_saved()
    {
        var client = host.Client;
        var broken = Flow("broken-one", [Act("a", "SendFax"), Act("b", "Finish")], [Link("a", "b"), Link("b", "nowhere")]);

        var problem = await (await client.PostAsync("/api/workflow-definitions", Json(broken))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsArray().Select(e => (Path: e!["path"]!.GetValue<string>(), Message: e!["message"]!.GetValue<string>())).ToList();
        errors.Should().Contain(e => e.Path == "$.activities[0].type" && e.Message.Contains("SendFax"));
        errors.Should().Contain(e => e.Path == "$.connections[1].to" && e.Message.Contains("nowhere"));
        errors.Should().OnlyContain(e => e.Message.Length > 0);
        await (await client.GetAsync("/api/workflow-definitions/broken-one")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Json_that_does_not_parse_is_a_problem_with_its_line_not_a_stack_trace()
    {
        var problem = await (await host.Client.PostAsync("/api/workflow-definitions", Json("{ \"id\": \"x\", "))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!.AsArray().Should().ContainSingle().Which!["message"]!.GetValue<string>().Should().Contain("line 1");
    }

    [Fact]
    public async Task A_text_without_a_language_is_a_notice_and_the_draft_is_saved()
    {
        var partly = Flow("partly-translated", [
            Act("wait", "WaitForSignal", new { signal = "go" }),
            Act("tell", "SendEmail", new { to = new[] { "coordinator" }, subject = new { et = "Valmis", en = "Done" }, body = new { et = "Kõik on tehtud.", en = "All done.", ru = "Всё сделано." } }),
        ], [Link("wait", "tell")]);

        var saved = await (await host.Client.PostAsync("/api/workflow-definitions", Json(partly))).ShouldBeOkAsync(HttpStatusCode.Created);

        saved["missingTranslations"]!.AsArray().Select(m => (m!["path"]!.GetValue<string>(), string.Join(",", m["languages"]!.AsArray().Select(l => l!.GetValue<string>()))))
            .Should().Equal([("$.name", "ru"), ("$.activities[1].inputs.subject", "ru")], "the name and the subject have Estonian and English only; the body has all three");
    }

    [Fact]
    public async Task The_shipped_lifecycle_speaks_every_language_of_the_service()
    {
        var lifecycle = await host.Client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/network-lifecycle");

        lifecycle!["missingTranslations"]!.AsArray().Should().BeEmpty("every text of the shipped lifecycle is in Estonian, English and Russian");
        var languages = await host.Client.GetFromJsonAsync<JsonArray>("/api/languages");
        languages!.Select(l => l!["code"]!.GetValue<string>()).Should().Equal("et", "en", "ru");
    }

    [Fact]
    public async Task A_definition_goes_from_draft_to_published_versions()
    {
        var client = host.Client;

        var created = await (await client.PostAsync("/api/workflow-definitions", Json(Approval("lifecycle", "First")))).ShouldBeOkAsync(HttpStatusCode.Created);
        created["version"]!.GetValue<int>().Should().Be(1);
        created["isPublished"]!.GetValue<bool>().Should().BeFalse();
        var draft = await client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/lifecycle");
        draft!["version"]!.GetValue<int>().Should().Be(1);
        draft["isPublished"]!.GetValue<bool>().Should().BeFalse();

        var notYet = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "lifecycle" });
        (await notYet.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>().Should().Contain("avalda see kõigepealt");

        var published = await (await client.PostAsync("/api/workflow-definitions/lifecycle/publish", null)).ShouldBeOkAsync();
        published["version"]!.GetValue<int>().Should().Be(1);
        published["isPublished"]!.GetValue<bool>().Should().BeTrue();
        published["publishedAt"].Should().NotBeNull();
        var again = await (await client.PostAsync("/api/workflow-definitions/lifecycle/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again["detail"]!.GetValue<string>().Should().Contain("ei ole avaldamiseks mustandit");

        var changed = await (await client.PutAsync("/api/workflow-definitions/lifecycle", Json(Approval("lifecycle", "Second")))).ShouldBeOkAsync();
        changed["version"]!.GetValue<int>().Should().Be(2);
        changed["isPublished"]!.GetValue<bool>().Should().BeFalse();
        changed["definition"]!["version"]!.GetValue<int>().Should().Be(2);
        var first = await client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/lifecycle/versions/1");
        first!["isPublished"]!.GetValue<bool>().Should().BeTrue();
        first["definition"]!["activities"]![1]!["inputs"]!["status"]!.GetValue<string>().Should().Be("First", "a published version is frozen");

        (await (await client.PostAsync("/api/workflow-definitions/lifecycle/publish", null)).ShouldBeOkAsync())["version"]!.GetValue<int>().Should().Be(2);

        var list = await client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions");
        var summary = list!.Single(d => d!["id"]!.GetValue<string>() == "lifecycle")!;
        summary["versions"]!.AsArray().Select(v => v!.GetValue<int>()).Should().Equal(1, 2);
        summary["publishedVersion"]!.GetValue<int>().Should().Be(2);
        summary["draftVersion"].Should().BeNull();
    }

    [Fact]
    public async Task Creating_an_existing_definition_again_is_a_conflict_and_an_unknown_one_cannot_be_published()
    {
        var client = host.Client;
        await (await client.PostAsync("/api/workflow-definitions", Json(Approval("twice", "A")))).ShouldBeOkAsync(HttpStatusCode.Created);

        await (await client.PostAsync("/api/workflow-definitions", Json(Approval("twice", "B")))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync("/api/workflow-definitions/nobody-made-this/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/workflow-definitions/twice/versions/7")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_saved_under_another_id_is_rejected_at_the_id()
    {
        var client = host.Client;
        await (await client.PostAsync("/api/workflow-definitions", Json(Approval("mine", "A")))).ShouldBeOkAsync(HttpStatusCode.Created);

        var problem = await (await client.PutAsync("/api/workflow-definitions/mine", Json(Approval("theirs", "A")))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!.AsArray().Should().ContainSingle().Which!["path"]!.GetValue<string>().Should().Be("$.id");
    }
}
