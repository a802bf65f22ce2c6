using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Koostoo.EndToEnd.Tests.Operations;

/// <summary>
/// The README's first command, <c>dotnet run --project src/Host</c>, as a newcomer types it: the launch profile makes it
/// a Development start, so the first start makes admin@localhost, prints its password once, and that password signs in.
/// The data goes to the test's folder (by the same settings an operator uses); nothing else is set.
/// </summary>
public sealed partial class ReadmeStartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [GeneratedRegex(@"The first admin admin@localhost was created with the password (\S+) ")]
    private static partial Regex FirstAdminLine();

    [Fact]
    public async Task Dotnet_run_as_the_readme_says_makes_the_first_admin_who_can_sign_in()
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "--project", Path.Combine(Repository.Root, "src", "Host"), "--", "--urls", url])
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Whatever environment the test runner has, the launch profile is to decide it.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Koostoo__Database__ConnectionString"] = $"Data Source={_folder["koostoo.db"]}";
        start.Environment["Koostoo__DataProtection__KeysFolder"] = _folder["keys"];
        start.Environment["Koostoo__Mail__PickupFolder"] = _folder["mail"];

        var password = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var host = new Process { StartInfo = start };
        void Read(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (FirstAdminLine().Match(e.Data) is { Success: true } match) password.TrySetResult(match.Groups[1].Value);
        }
        host.OutputDataReceived += Read;
        host.ErrorDataReceived += Read;
        host.Start();
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            var printed = await Task.WhenAny(password.Task, Task.Delay(TimeSpan.FromSeconds(90)));
            printed.Should().BeSameAs(password.Task, "the first start prints the first admin's password; the host said:\n{0}", string.Join('\n', output));
            var shown = await password.Task;

            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
            (await ServerProcess.WaitUntilListeningAsync(host, port, TimeSpan.FromSeconds(30))).Should().BeTrue("it listens where --urls says");
            (await client.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK);
            var signedIn = await KoostooApp.SignInAsync(client, "admin@localhost", shown);
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the printed password signs in");
            signedIn.Headers.Location!.ToString().Should().NotContain("/account/login");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    public void Dispose() => _folder.Dispose();
}
