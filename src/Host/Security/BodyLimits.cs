using Koostoo.Language;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Koostoo.Host.Security;

/// <summary>
/// How large a request body may be, by what the address takes (docs/security.md): a definition (the shipped lifecycle is
/// 35 KB), a launch with its members, and everything else (a command, a member, a meeting, an answer) small. An endpoint
/// names its limit with <see cref="RequestSizeLimitAttribute"/>; the rest get <see cref="Default"/>. A body over the limit
/// is a 413 with a problem that says the limit, before anything is read.
/// </summary>
public static class BodyLimits
{
    public const long Default = 64 * 1024;
    public const long Launch = 256 * 1024;
    public const long Definition = 1024 * 1024;

    public static RequestSizeLimitAttribute Of(long bytes) => new(bytes);

    /// <summary>After routing, so the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Default;
        if (http.Request.ContentLength > limit)
        {
            await TooLarge(limit).ExecuteAsync(http);
            return;
        }
        // The server enforces it for a body without a length (chunked) while it is read; routing has set an endpoint's own.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        await next(http);
    });

    public static IResult TooLarge(long limit) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Words.Current["Problems.Title.TooLarge"],
        detail: Detail(limit));

    public static string Detail(long? limit) => limit is { } bytes
        ? Words.Current["Problems.BodyTooLargeAtMost", bytes / 1024]
        : Words.Current["Problems.BodyTooLarge"];
}
