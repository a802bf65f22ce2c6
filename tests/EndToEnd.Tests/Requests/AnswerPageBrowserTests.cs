using Koostoo.Networks.Requests;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>A member on a phone: the link from the email opened in real headless Chromium, answered, then changed.</summary>
public sealed class AnswerPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort.Next();
    private KoostooApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder, new Dictionary<string, string?> { ["Koostoo:PublicUrl"] = $"http://127.0.0.1:{_port}" });
        _app.UseKestrel(_port);
        _app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_member_opens_the_link_from_the_email_answers_sees_the_confirmation_and_changes_the_answer()
    {
        var scenario = new AskScenario(_app, new Uri($"http://127.0.0.1:{_port}"));
        await scenario.PublishAsync(AskScenario.Definition());
        var network = await scenario.LaunchAsync(2);
        var link = await LinkInDeliveredMailAsync(AskScenario.Email(1));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, ExtraHTTPHeaders = KoostooApp.StaffHeaders });

        await page.GotoAsync(link);
        (await page.InnerTextAsync("h1")).Should().Be("Kas osaled võrgustikus?");
        (await page.InnerTextAsync(".context")).Should().Be("Võrgustik „Kooli võrgustik“ alustab.");
        await new Screens(_folder, output).ShotAsync(page, "question.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Saada vastus" }).ClickAsync();
        (await page.InnerTextAsync(".error[role=alert]")).Should().Be("Palun paranda märgitud vastused.", "the yes/no answer is required");

        await page.GetByLabel("Jah", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Märkus").FillAsync("Saan osaleda teisipäeviti.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saada vastus" }).ClickAsync();
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Aitäh! Vastus on salvestatud.");
        await new Screens(_folder, output).ShotAsync(page, "saved.png");

        await page.GetByLabel("Ei", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Märkus").FillAsync("Siiski ei saa.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Muuda vastust" }).ClickAsync();
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Aitäh! Vastus on salvestatud.");
        (await page.IsCheckedAsync("input[name=join][value=no]")).Should().BeTrue();

        await page.GotoAsync(link + "?lang=en");
        (await page.InnerTextAsync("h1")).Should().Be("Will you take part in the network?");

        // The coordinator's page, where the escalation mail leads: who has and has not answered.
        await page.GotoAsync($"http://127.0.0.1:{_port}/networks/{network["id"]}");
        var coordinatorView = await page.InnerTextAsync("main");
        coordinatorView.Should().Contain("Kooli võrgustik").And.Contain("Vastanud 1 / 2").And.Contain("Liige 2 – ei ole vastanud").And.Contain("Liige 1 – vastas");
        await new Screens(_folder, output).ShotAsync(page, "network.png");

        await using var scope = _app.Services.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Set<StepRequest>().AsNoTracking()
            .SingleAsync(r => r.RespondentEmail == AskScenario.Email(1));
        request.Answer.Should().Be("""{"join":false,"note":"Siiski ei saa."}""");
    }

    /// <summary>The link as the member gets it: from the .eml the Pickup transport delivered.</summary>
    private async Task<string> LinkInDeliveredMailAsync(string address)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            foreach (var file in Directory.Exists(_folder["mail"]) ? Directory.EnumerateFiles(_folder["mail"], "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == address))
                    return $"http://127.0.0.1:{_port}{AskScenario.LinkIn(message.TextBody ?? "")}";
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email to {address} was delivered.");
    }
}
