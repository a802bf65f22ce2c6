using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Koostoo.EndToEnd.Tests;

/// <summary>
/// Screenshots of pages, always taken into the test's folder; with KOOSTOO_SCREENSHOTS=FOLDER also
/// kept there (docs/images is made this way: <c>KOOSTOO_SCREENSHOTS=$PWD/docs/images dotnet test ...</c>).
/// </summary>
public sealed class Screens(TempFolder folder, ITestOutputHelper output)
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    public async Task ShotAsync(IPage page, string name)
    {
        var path = folder[name];
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Keep(path, output);
    }

    /// <summary>A screenshot taken otherwise (of one part of a page): reported, and kept where KOOSTOO_SCREENSHOTS says.</summary>
    public static void Keep(string path, ITestOutputHelper output)
    {
        output.WriteLine($"Screenshot: {path}");
        if (Environment.GetEnvironmentVariable("KOOSTOO_SCREENSHOTS") is { Length: > 0 } keep)
            File.Copy(path, Path.Combine(Directory.CreateDirectory(keep).FullName, Path.GetFileName(path)), overwrite: true);
    }
}
