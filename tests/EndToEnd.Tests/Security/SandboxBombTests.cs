using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>
/// An expression bomb and a template bomb, each in a network of its own, fault their own instance, while a member of
/// another network answering at the same moment has the answer saved at once: the host is neither down nor stalled.
/// </summary>
public sealed class SandboxBombTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;
    private AskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        _scenario = new AskScenario(_app);
        await _scenario.PublishAsync(AskScenario.Definition());
        await PublishAsync("bomb-expression", new JsonObject
        {
            ["id"] = "check", ["type"] = "If", ["inputs"] = new JsonObject { ["condition"] = "'x'.repeat(2**29).length > 0 && /(a+)+$/.test('a'.repeat(40) + 'b')" },
        });
        await PublishAsync("bomb-template", new JsonObject
        {
            ["id"] = "tell", ["type"] = "SendEmail", ["inputs"] = new JsonObject
            {
                ["to"] = new JsonArray("coordinator"),
                ["subject"] = new JsonObject { ["et"] = "Teade" },
                ["body"] = new JsonObject { ["et"] = "{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}" },
            },
        });
    }

    private async Task PublishAsync(string id, JsonObject activity)
    {
        var definition = new JsonObject { ["id"] = id, ["name"] = new JsonObject { ["et"] = id }, ["activities"] = new JsonArray(activity) };
        (await _scenario.Api.PostAsync("/api/workflow-definitions", new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        (await _scenario.Api.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Bombs_fault_their_own_networks_while_another_networks_answer_is_saved_at_once()
    {
        var other = await _scenario.LaunchAsync(2, name: "Teine võrgustik");
        var link = (await _scenario.LinksAsync())[AskScenario.Email(1)];
        using var member = _scenario.Browser();
        var (_, _, form) = await AskScenario.OpenAsync(member, link);

        var expressionBomb = _scenario.LaunchAsync(1, name: "Pomm 1", definitionId: "bomb-expression");
        var templateBomb = _scenario.LaunchAsync(1, name: "Pomm 2", definitionId: "bomb-template");
        var clock = Stopwatch.StartNew();
        var answer = await AskScenario.PostAsync(member, link, form, ("join", "yes"));
        var answered = clock.Elapsed;

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect, "the answer was saved");
        // Generous: a bomb left to run would hold the host (or end it) for many seconds; a saved answer takes milliseconds.
        answered.Should().BeLessThan(TimeSpan.FromSeconds(3));
        foreach (var bomb in new[] { await expressionBomb, await templateBomb })
        {
            var instance = await _scenario.InstanceAsync(bomb);
            instance["status"]!.GetValue<string>().Should().Be("Faulted");
            instance["fault"]!.GetValue<string>().Should().Contain("töötlemine peatati", "a fault is written in Estonian, the service's language, when no request asked for another");
        }
        var network = await _scenario.NetworkAsync(other);
        network["openSteps"]![0]!["answered"]!.GetValue<int>().Should().Be(1);
        (await _app.OutboxAsync()).Should().NotContain(m => m.Subject == "Teade", "the template bomb queued no mail");
    }
}
