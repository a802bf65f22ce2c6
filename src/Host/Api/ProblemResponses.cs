using Koostoo.Language;
using Koostoo.Networks.Launch;
using Koostoo.Service;
using Koostoo.Service.Access;
using Koostoo.Service.Meetings;
using Koostoo.Service.Networks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Koostoo.Host.Api;

/// <summary>
/// Turns the engine's expected failures into RFC 7807 answers with a readable message in the request's language (the
/// catalog's <c>Problems.*</c>); for an invalid definition, every problem with its JSON path under <c>errors</c>.
/// Anything else is a 500 without details.
/// </summary>
public sealed class ProblemResponses(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, extensions) = exception switch
        {
            InvalidDefinitionException invalid => (400, "InvalidDefinition",
                new Dictionary<string, object?> { ["errors"] = invalid.Problems.Select(p => new { path = p.Path, message = p.Message }).ToList() }),
            LaunchRejectedException rejected => (400, "LaunchRejected",
                new Dictionary<string, object?> { ["errors"] = rejected.Check.Errors, ["notices"] = rejected.Check.Notices }),
            MeetingRejectedException meeting => (400, "MeetingRejected",
                new Dictionary<string, object?> { ["errors"] = meeting.Errors }),
            RequestRejectedException rejected => (400, "RequestRejected",
                new Dictionary<string, object?> { ["errors"] = rejected.Errors }),
            Service.Accounts.AccountException account => (400, "AccountRejected",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [account.Field] = [account.Message] } }),
            NotFoundException => (404, "NotFound", null),
            ForbiddenException => (403, "Forbidden", null),
            ConflictException => (409, "Conflict", null),
            TooSoonException soon => (429, "TooSoon", new Dictionary<string, object?> { ["possibleAt"] = soon.PossibleAt }),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "TooLarge", null),
            BadHttpRequestException { InnerException: JsonException json } => (400, "BadRequest", JsonProblem.Errors(json)),
            BadHttpRequestException bad => (bad.StatusCode, "BadRequest", null),
            _ => (0, "", null),
        };
        if (status == 0) return false;
        if (exception is TooSoonException later)
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((later.PossibleAt - DateTimeOffset.UtcNow).TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        httpContext.Response.StatusCode = status;
        var detail = exception switch
        {
            InvalidDefinitionException e => Words.Current.Count("Problems.DefinitionProblems", e.Problems.Count) + string.Join("; ", e.Problems),
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem.Detail(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Security.BodyLimits.Detail(httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize),
            _ => exception.Message,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = Words.Current[$"Problems.Title.{title}"], Detail = detail, Extensions = extensions ?? new Dictionary<string, object?>() },
        });
    }
}
