using Koostoo.Activities.Email;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests;

/// <summary>/mailbox in a real headless Chromium (Debian's, never a downloaded one) against the host on a real port.</summary>
public sealed class MailboxBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort.Next();
    private KoostooApp _app = null!;

    private string BaseAddress => $"http://127.0.0.1:{_port}";

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        _app.UseKestrel(_port);
        _app.StartServer();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_mailbox_lists_a_workflows_mail_newest_first_and_opens_it_with_clickable_links()
    {
        using var client = KoostooApp.AsStaff(new HttpClient { BaseAddress = new Uri(BaseAddress) });
        var instance = await _app.LaunchAsync(client, "sample-email",
            ("Mari Maasikas", "mari@kool.example", "et"), ("John Smith", "john@kool.example", "en"));
        await _app.WaitForOutboxAsync(instance, r => r.Count == 3 && r.All(m => m.Status == OutboxStatus.Sent), TimeSpan.FromSeconds(30));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        // A phone, as the coordinators and members mostly use.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, ExtraHTTPHeaders = KoostooApp.StaffHeaders });

        await page.GotoAsync($"{BaseAddress}/mailbox");
        var listShot = _folder["mailbox.png"];
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = listShot, FullPage = true });
        output.WriteLine($"Screenshot: {listShot}");

        (await page.GetAttributeAsync("html", "lang")).Should().Be("et");
        var list = await page.InnerTextAsync("main");
        list.Should().Contain("Postkast")
            .And.Contain("Kooli võrgustik: palun vasta – kas osaled võrgustikus?")
            .And.Contain("Mari Maasikas <mari@kool.example>")
            .And.Contain("Kooli võrgustik: please answer – will you take part in the network?")
            .And.Contain("Kooli võrgustik: kutsed on saadetud");
        (await page.Locator(".messages li").CountAsync()).Should().Be(3);
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.messages')).borderTopLeftRadius"))
            .Should().Be("8px", "the stylesheet is served and applied");

        await page.GetByText("Kooli võrgustik: please answer").ClickAsync();
        await page.WaitForURLAsync("**/mailbox/*");
        var messageShot = _folder["message.png"];
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = messageShot, FullPage = true });

        var message = await page.InnerTextAsync("main");
        message.Should().Contain("John Smith <john@kool.example>").And.Contain("Koostöö <koostoo@vald.example>")
            .And.Contain("Hello, John Smith!");
        (await page.Locator(".text-part a[href*='/networks/']").CountAsync()).Should().Be(1, "the link in the text part is clickable");
        var answer = page.FrameLocator("iframe.html-part").GetByRole(AriaRole.Link, new() { Name = "Answer" });
        (await answer.GetAttributeAsync("href")).Should().Contain("/networks/");

        await page.GotoAsync($"{BaseAddress}/mailbox?lang=en");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("en");
        (await page.InnerTextAsync("main")).Should().Contain("Mailbox").And.Contain("newest first");

        new FileInfo(listShot).Length.Should().BeGreaterThan(1000);
        new FileInfo(messageShot).Length.Should().BeGreaterThan(1000);
        // The temporary folder goes away with the test; KOOSTOO_SCREENSHOTS=<folder> keeps the pictures for a person to look at.
        if (Environment.GetEnvironmentVariable("KOOSTOO_SCREENSHOTS") is { Length: > 0 } keep)
            foreach (var shot in new[] { listShot, messageShot })
                File.Copy(shot, Path.Combine(Directory.CreateDirectory(keep).FullName, Path.GetFileName(shot)), overwrite: true);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

}
