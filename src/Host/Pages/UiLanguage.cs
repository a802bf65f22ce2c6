using Koostoo.Language;
using Microsoft.AspNetCore.Localization;

namespace Koostoo.Host.Pages;

/// <summary>
/// The language a page or an answer of the API speaks. ASP.NET Core's request localization reads what the reader asked
/// for: <c>?lang=ru</c> (kept on the page's own links), else the culture cookie, else (the API only) Accept-Language.
/// A reader who asked for nothing gets their own language where the page knows it (a member's, on their request
/// page), else Estonian.
/// </summary>
public static class UiLanguage
{
    private const string PreferredKey = "koostoo-preferred-language";
    public const string QueryKey = "lang";

    public static IApplicationBuilder UseUiLanguage(this IApplicationBuilder app) => app.UseRequestLocalization(options =>
    {
        var cultures = Languages.All.Select(Languages.Culture).ToList();
        options.DefaultRequestCulture = new RequestCulture(Languages.Culture(Languages.Estonian));
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders =
        [
            // ?lang=ru rather than ?culture=ru-RU: the address a reader shares says the language, not a region.
            new CustomRequestCultureProvider(http => Task.FromResult(
                Languages.IsKnown(http.Request.Query[QueryKey].ToString())
                    ? new ProviderCultureResult(Languages.Culture(http.Request.Query[QueryKey].ToString()).Name)
                    : null)),
            new CookieRequestCultureProvider(),
            // A program calling the API says its language the HTTP way; a browser's header is not asked, since the
            // pages speak Estonian to whoever has not chosen otherwise.
            new CustomRequestCultureProvider(http => Task.FromResult(http.Request.Path.StartsWithSegments("/api")
                ? http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
                    .Select(l => l.Value.Value?.Split('-')[0]).FirstOrDefault(Languages.IsKnown) is { } asked
                    ? new ProviderCultureResult(Languages.Culture(asked).Name) : null
                : null)),
        ];
    });

    public static string Of(HttpRequest request)
    {
        var asked = request.HttpContext.Features.Get<IRequestCultureFeature>();
        return asked?.Provider is not null ? Languages.Of(asked.RequestCulture.UICulture) : Preferred(request);
    }

    /// <summary>The reader's own language, when a page knows it, used when the reader asked for none.</summary>
    public static void Prefer(HttpContext http, string language) => http.Items[PreferredKey] = Languages.Or(language);

    /// <summary>A link that keeps the language the page is in.</summary>
    public static string Link(this HttpRequest request, string path) =>
        Of(request) == Preferred(request) ? path : $"{path}{(path.Contains('?') ? '&' : '?')}{QueryKey}={Of(request)}";

    private static string Preferred(HttpRequest request) => request.HttpContext.Items[PreferredKey] as string ?? Languages.Estonian;
}
