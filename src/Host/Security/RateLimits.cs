using Koostoo.Language;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Koostoo.Host.Security;

/// <summary>
/// How often one client may knock on the doors that take a secret: members' links (<c>/r/…</c>) and the sign-in and
/// password pages. Chosen by path, so that the limit holds for pages that arrive later (docs/security.md).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Koostoo:RateLimits";

    /// <summary>
    /// A member answering opens the link, posts and is shown the result: three requests an answer. A school or an office
    /// answers from one address, so a hundred people may answer in the same minute; guessing a 256-bit token is hopeless
    /// at any rate, so the limit is against flooding, not guessing.
    /// </summary>
    public WindowLimit Links { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Signing in, asking for and using a password reset: a person types slowly; a script guessing does not.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

public static class RateLimits
{
    /// <summary>The sign-in and password pages, whoever builds them: each path is limited on its own.</summary>
    public static readonly string[] SignInPaths = ["/account/login", "/account/forgot-password", "/account/reset-password"];

    public static IServiceCollection AddKoostooRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var (door, limit) = DoorOf(http.Request.Path, options);
                if (door is null) return RateLimitPartition.GetNoLimiter("");
                // Per client address and door. Behind a proxy the address is the proxy's until forwarded headers are trusted.
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "-";
                return RateLimitPartition.GetFixedWindowLimiter($"{door} {client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit!.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = RejectAsync;
        });
    }

    private static (string? Door, WindowLimit? Limit) DoorOf(PathString path, RateLimitOptions options)
    {
        if (path.StartsWithSegments("/r")) return ("links", options.Links);
        foreach (var signIn in SignInPaths)
            if (path.StartsWithSegments(signIn, StringComparison.OrdinalIgnoreCase)) return (signIn, options.SignIn);
        return (null, null);
    }

    /// <summary>429 with when to try again: a short page for a person, problem details for a program.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var language = Pages.UiLanguage.Of(http.Request);
        var words = Words.In(language);
        var message = words["RateLimits.TryAgainIn", seconds].Value;
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            var encoded = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(message);
            await http.Response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{words["RateLimits.TooManyRequests"]} · Koostöö</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main><h1>{words["RateLimits.PleaseWait"]}</h1><p>{encoded}</p></main></body></html>
                """, ct);
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Words.Current["Problems.Title.TooManyRequests"], detail: message).ExecuteAsync(http);
    }
}
