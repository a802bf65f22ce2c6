using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Koostoo.EndToEnd.Tests;

/// <summary>
/// The OpenAPI document as an API client's generator reads it: every operation has an operationId, a summary, the
/// problem answers it can give (redocly.yaml says why that rule is checked here) and its security; and Redocly's strict linter (the designer's development dependency,
/// configured in redocly.yaml) finds no error in it.
/// </summary>
public sealed class OpenApiLintTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:PublicUrl"] = "https://koostoo.vald.example/" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Every_operation_is_described_and_the_document_passes_a_strict_linter()
    {
        var text = await _app.CreateClient().GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(text)!.AsObject();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(o => (Name: $"{o.Key.ToUpperInvariant()} {path.Key}", Operation: o.Value!.AsObject()))).ToList();
        operations.Should().HaveCountGreaterThan(30);
        foreach (var (name, operation) in operations)
        {
            (operation["operationId"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace(name);
            (operation["summary"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace(name);
            (operation["security"] ?? document["security"]).Should().NotBeNull($"{name} says who may call it");
            // What takes no input and needs no sign-in (the health checks) has no 4xx to give.
            var open = operation["security"] is JsonArray { Count: 0 };
            if (!open || operation["parameters"] is JsonArray { Count: > 0 } || operation["requestBody"] is not null)
                operation["responses"]!.AsObject().Select(r => r.Key).Should().Contain(k => k.StartsWith('4'), name);
        }
        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        document["servers"]![0]!["url"]!.GetValue<string>().Should().Be("https://koostoo.vald.example", "the address people reach the service at");

        var file = _folder["openapi.json"];
        await File.WriteAllTextAsync(file, text);
        var (exit, output) = await LintAsync(file);
        exit.Should().Be(0, output);
    }

    private static async Task<(int Exit, string Output)> LintAsync(string file)
    {
        var cli = Path.Combine(Repository.Root, "src", "Designer", "node_modules", "@redocly", "cli", "bin", "cli.js");
        var start = new ProcessStartInfo("node", [cli, "lint", file, "--config", Path.Combine(Repository.Root, "redocly.yaml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Nothing may reach out from a test: no usage report, no look for a newer version.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["CI"] = "true" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
