using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Koostoo.EndToEnd.Tests.Accounts;

/// <summary>The host's verbs for operators: create-user prints a one-time password that signs in, create-api-key a key that works.</summary>
public sealed partial class CommandLineTests
{
    private static async Task<(int Code, string Output)> RunAsync(TempFolder folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Koostoo.Host.dll"), .. args]) { WorkingDirectory = folder.Path };
        start.Environment["Koostoo__Database__ConnectionString"] = $"Data Source={folder["koostoo.db"]}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var (code, output, error) = await ProgramRun.RunAsync(start);
        return (code, output + error);
    }

    [GeneratedRegex("shown once: (\\S+)")]
    private static partial Regex PasswordPattern();

    [Fact]
    public async Task Create_user_and_create_api_key_print_what_works_once()
    {
        using var folder = new TempFolder();
        var (code, output) = await RunAsync(folder, "create-user", "--email", "kati@vald.example", "--role", "Coordinator", "--name", "Kati Kask");
        code.Should().Be(0, output);
        var password = PasswordPattern().Match(output).Groups[1].Value;
        password.Should().HaveLength(20);

        (code, output) = await RunAsync(folder, "create-api-key", "--email", "kati@vald.example", "--name", "aruanded");
        code.Should().Be(0, output);
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("koostoo_", StringComparison.Ordinal));

        (code, output) = await RunAsync(folder, "create-user", "--email", "kati@vald.example", "--role", "Coordinator");
        code.Should().Be(2);
        output.Should().Contain("Selle aadressiga konto on juba olemas.");
        (code, output) = await RunAsync(folder, "create-user", "--email", "mari@vald.example", "--role", "Boss");
        code.Should().Be(2);
        output.Should().Contain("Tundmatu roll Boss");

        await using var app = new KoostooApp(folder);
        (await app.SignInAsync("kati@vald.example", password)).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.GetAsync("/api/networks")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/mailbox")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a coordinator's key is a coordinator's");
    }
}
