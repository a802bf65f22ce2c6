using System.Net;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Koostoo.Host.Pages;

/// <summary>
/// Admin pages answer requests from this machine only, as the Hangfire dashboard does, until accounts exist:
/// the mailbox shows every member's personal answer links. Pages and the endpoints beside them (the work sheets'
/// files) share this one rule.
/// </summary>
public sealed class LoopbackOnlyFilter : IAsyncPageFilter, IEndpointFilter
{
    private const string Refusal = "Ainult sellest arvutist / Only from this machine.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!IsLocal(context.HttpContext.Connection))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ContentResult
            {
                StatusCode = StatusCodes.Status403Forbidden,
                ContentType = "text/plain; charset=utf-8",
                Content = Refusal,
            };
            return;
        }
        await next();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsLocal(context.HttpContext.Connection)
            ? await next(context)
            : Results.Text(Refusal, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    public static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote && (IPAddress.IsLoopback(remote) || remote.Equals(connection.LocalIpAddress));
}
