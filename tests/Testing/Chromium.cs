using Microsoft.Playwright;

namespace Koostoo.Testing;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: never a browser Playwright would download. The flags keep it
/// from reaching out to Google's services, which this machine's closed network refuses.
/// </summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
