using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Members;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Tests;

/// <summary>
/// A network that answered the lifecycle before its steps recorded what the members said (only its workflow's
/// variables hold it, and it still runs the version whose steps do not record) shows it all after the host starts:
/// contributions by sector, the suggested colleague, the votes with their reasons; a second start records nothing twice.
/// </summary>
public sealed class RecordsBackfillTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Answers_held_only_in_the_workflow_variables_become_records_once()
    {
        var networkId = await SeedAsync();

        var detail = (await _host.Client.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}"))!;
        detail["contributions"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["sectorName"]!.GetValue<string>(), c["knows"]!.GetValue<string>()))
            .Should().Equal(("Liige 2", "haridus", "Koolis on neli pooleli jätjat"), ("Liige 3", "tervishoid", "Kaks noort on ravil"));
        detail["suggestions"]!.AsArray().Single()!["colleague"]!.GetValue<string>().Should().Be("Mari Maasikas, mari@kool.example");
        detail["goal"]!["votes"]!.AsArray().Select(v => (v!["name"]!.GetValue<string>(), v["approve"]!.GetValue<bool>(), v["reason"]?.GetValue<string>()))
            .Should().Equal(("Liige 3", false, "Liiga üldine"), ("Liige 2", true, null));

        _host.Restart();
        var again = (await _host.Client.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}"))!;
        again["contributions"]!.AsArray().Should().HaveCount(2, "a second start finds them recorded");
        again["goal"]!["votes"]!.AsArray().Should().HaveCount(2);
    }

    private async Task<Guid> SeedAsync()
    {
        await using var db = _host.NewDbContext();
        await db.Database.MigrateAsync();
        // The lifecycle as it was before its invitations and information steps recorded; the host's start publishes
        // the shipped file as version 2 beside it.
        var lifecycle = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Workflows, "network-lifecycle.json")))!;
        foreach (var step in lifecycle["activities"]!.AsArray().Select(a => a!["inputs"]).OfType<JsonObject>()
                     .Where(c => c["record"]?.GetValue<string>() is "suggestions" or "information"))
            step.Remove("record");
        lifecycle["version"] = 1;
        db.Add(new Koostoo.Workflows.Definitions.DefinitionVersion
        {
            DefinitionId = "network-lifecycle", Version = 1, IsPublished = true, Name = "Võrgustikutöö", Json = lifecycle.ToJsonString(),
            CreatedAt = At, UpdatedAt = At, PublishedAt = At,
        });
        var instance = new WorkflowInstance { DefinitionId = "network-lifecycle", DefinitionVersion = 1, Status = InstanceStatus.Suspended, CurrentStage = "plan", CreatedAt = At, UpdatedAt = At };
        var network = new Network
        {
            Name = "Vana võrgustik", Purpose = "Enne kirjeid", CoordinatorName = "Kati Kask", CoordinatorEmail = "kati@vald.example",
            WorkflowDefinitionId = "network-lifecycle", WorkflowInstanceId = instance.Id, CreatedAt = At,
        };
        Member Member(int i, Sector sector) => new() { NetworkId = network.Id, Name = $"Liige {i}", Email = $"liige{i}@kool.example", Sector = sector, AddedAt = At };
        var members = new[] { Member(1, Sector.Social), Member(2, Sector.Education), Member(3, Sector.Health) };
        network.Members.AddRange(members);
        JsonObject Answer(Member member, JsonObject answer) =>
            new() { ["memberId"] = member.Id.ToString(), ["name"] = member.Name, ["at"] = At, ["answer"] = answer };
        var state = new InstanceState();
        state.Variables["invitations"] = new JsonObject
        {
            ["answers"] = new JsonArray(
                Answer(members[0], new() { ["answer"] = "suggest", ["colleague"] = "Mari Maasikas, mari@kool.example" }),
                Answer(members[1], new() { ["answer"] = "accept" })),
        };
        state.Variables["information"] = new JsonObject
        {
            ["answers"] = new JsonArray(
                Answer(members[1], new() { ["knows"] = "Koolis on neli pooleli jätjat" }),
                Answer(members[2], new() { ["knows"] = "Kaks noort on ravil", ["offers"] = "Nõustamine" })),
        };
        state.Variables["goalVote"] = new JsonObject
        {
            ["answers"] = new JsonArray(
                Answer(members[1], new() { ["approve"] = true }),
                Answer(members[2], new() { ["approve"] = false, ["why"] = "Liiga üldine" })),
        };
        instance.State = state.Write();
        db.Add(instance);
        db.Add(network);
        db.Add(new Goal { NetworkId = network.Id, Draft = 1, Problem = "P", Specific = "S", Measurable = "M", Ambitious = "A", Realistic = "R", ProposedAt = At });
        await db.SaveChangesAsync();
        return network.Id;
    }
}
