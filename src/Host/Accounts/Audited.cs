using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Koostoo.Host.Accounts;

/// <summary>
/// The audit log's record of what an endpoint or page did, written after it succeeded: the route's network (<c>{id}</c>)
/// when there is one, else the request's path as the subject (a definition). A refused or failed request leaves nothing.
/// </summary>
public static class Audited
{
    /// <param name="read">What a GET records (null: nothing).</param>
    /// <param name="change">What any other method records.</param>
    public static TBuilder Audit<TBuilder>(this TBuilder builder, string? read, string change) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            if (status < 400) await RecordAsync(context.HttpContext, read, change);
            return result;
        });

    private static async Task RecordAsync(HttpContext http, string? read, string change)
    {
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var action = reading ? read : change;
        if (action is null) return;
        Guid? network = Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id) ? id : null;
        await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(http.RequestServices.GetRequiredService<Actor>(), action, network,
            network is null || action == AuditAction.SheetExported ? $"{http.Request.Method} {http.Request.Path}" : null, http.RequestAborted);
    }

    /// <summary>The network pages: opening one is a view, a form posted on one a change.</summary>
    public sealed class NetworkPages : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            var failed = executed.Exception is not null && !executed.ExceptionHandled
                || executed.Result is IStatusCodeActionResult { StatusCode: >= 400 }
                || executed.HttpContext.Response.StatusCode >= 400;
            if (failed || context.HttpContext.Request.RouteValues["id"] is null) return;
            await RecordAsync(context.HttpContext, AuditAction.NetworkViewed, AuditAction.NetworkChanged);
        }
    }
}
