using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests.Requests;

/// <summary>
/// A member whose language is Russian opens the invitation of the shipped lifecycle on a phone, in real headless
/// Chromium: the page is in Russian from the first word, fits the screen, passes axe-core, and speaks Russian when
/// the answer is refused and when it is saved. The pictures go to docs/images (KOOSTOO_SCREENSHOTS).
/// </summary>
public sealed class RussianMemberPageTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task A_russian_speaking_member_answers_the_invitation_on_a_phone_in_russian()
    {
        var scenario = new AskScenario(_app, new Uri($"http://127.0.0.1:{_port}"));
        await scenario.LaunchAsync(2, definitionId: "network-lifecycle", languageOf: i => i == 1 ? "ru" : "et");
        var link = $"http://127.0.0.1:{_port}{(await scenario.LinksAsync())[AskScenario.Email(1)]}";
        _app.DeliveredMail().Single(m => m.To.Mailboxes.Single().Address == AskScenario.Email(1)).Subject
            .Should().Be("Kooli võrgustik: пожалуйста, ответьте – Приглашение в сеть: вы будете участвовать?");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Screens.Phone, BypassCSP = true });

        await page.GotoAsync(link);
        (await page.GetAttributeAsync("html", "lang")).Should().Be("ru");
        (await page.InnerTextAsync("h1")).Should().Be("Приглашение в сеть: вы будете участвовать?");
        (await page.InnerTextAsync(".context")).Should().StartWith("Сеть «Kooli võrgustik» приглашает вас принять участие.");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(Screens.Phone.Width, "nothing is wider than the phone");
        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty();
        await new Screens(_folder, output).ShotAsync(page, "request-phone-ru.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить ответ" }).ClickAsync();
        (await page.InnerTextAsync(".error[role=alert]")).Should().Be("Пожалуйста, исправьте отмеченные ответы.", "the answer is required");

        await page.GetByLabel("Участвую", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить ответ" }).ClickAsync();
        (await page.InnerTextAsync("[role=status]")).Should().Contain("Спасибо! Ответ сохранён.");
        await new Screens(_folder, output).ShotAsync(page, "saved-phone-ru.png");

        // The language switch: the same page in Estonian, and back.
        await page.GetByRole(AriaRole.Link, new() { Name = "Eesti keeles" }).ClickAsync();
        (await page.InnerTextAsync("h1")).Should().Be("Kutse võrgustikku: kas osaled?");
        await page.GetByRole(AriaRole.Link, new() { Name = "По-русски" }).ClickAsync();
        (await page.InnerTextAsync("h1")).Should().Be("Приглашение в сеть: вы будете участвовать?");
    }
}
