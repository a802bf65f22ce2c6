namespace Koostoo.Host.Pages;

/// <summary>
/// The pages speak Estonian unless the page knows the reader prefers English (a member who chose it);
/// <c>?lang=en</c> or <c>?lang=et</c> switches either way.
/// </summary>
public static class UiLanguage
{
    private const string PreferredKey = "koostoo-preferred-language";

    public static string Of(HttpRequest request) =>
        request.Query["lang"].ToString() is "en" or "et" ? request.Query["lang"].ToString() : Preferred(request);

    /// <summary>The reader's own language, when a page knows it, used when the address names none.</summary>
    public static void Prefer(HttpContext http, string language) => http.Items[PreferredKey] = language == "en" ? "en" : "et";

    public static string T(this HttpRequest request, string et, string en) => Of(request) == "en" ? en : et;

    /// <summary>A link that keeps the language the page is in.</summary>
    public static string Link(this HttpRequest request, string path) =>
        Of(request) == Preferred(request) ? path : $"{path}{(path.Contains('?') ? '&' : '?')}lang={Of(request)}";

    private static string Preferred(HttpRequest request) => request.HttpContext.Items[PreferredKey] as string ?? "et";
}
