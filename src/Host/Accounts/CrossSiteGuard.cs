using Koostoo.Language;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Koostoo.Host.Accounts;

/// <summary>
/// A change to the API made with the session cookie must say it is JSON. A form on another site can post only
/// form-encoded, multipart or plain text, so it can never cancel a network with a coordinator's cookie, even where a
/// browser sends the cookie along. Pages' forms carry anti-forgery tokens instead; an API key is no cookie and passes.
/// </summary>
public static class CrossSiteGuard
{
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (changes && request.Path.StartsWithSegments("/api") && !ApiKeyAuthentication.Presents(request) && !IsJson(request.ContentType)
            && (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: Words.Current["Problems.Title.NeedsJson"],
                detail: Words.Current["Problems.SendJson"]).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));
}
