namespace Koostoo.Host.Security;

/// <summary>
/// The headers every response carries, pages, API, files and errors alike (docs/security.md): a Content-Security-Policy
/// that runs only the service's own script files (no inline script, no inline style, no eval), no framing by other
/// sites, no content sniffing, and no Referer, since a member's page has their personal link in its address.
/// A response that needs another policy (the mailbox's view of a message's HTML) sets its own before it starts.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>For an email's own HTML shown framed in the mailbox: its inline styles, nothing that runs, framed by this site only.</summary>
    public const string EmailHtmlPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // On starting, not now: the exception handler clears the headers of a failed request before it writes the problem.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.XContentTypeOptions = "nosniff";
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            return Task.CompletedTask;
        });
        await next();
    });
}
