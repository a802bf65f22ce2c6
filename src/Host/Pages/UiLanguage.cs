namespace Koostoo.Host.Pages;

/// <summary>The pages speak Estonian; <c>?lang=en</c> switches to English.</summary>
public static class UiLanguage
{
    public static string Of(HttpRequest request) => request.Query["lang"] == "en" ? "en" : "et";

    public static string T(this HttpRequest request, string et, string en) => Of(request) == "en" ? en : et;

    /// <summary>A link that keeps the language the page is in.</summary>
    public static string Link(this HttpRequest request, string path) => Of(request) == "en" ? $"{path}?lang=en" : path;
}
