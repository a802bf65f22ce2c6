using Koostoo.Service.Access;
using Koostoo.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Koostoo.Host.Accounts;

/// <summary>
/// A page whose service refuses the network (NetworkAccess: not found for someone who may not read it, forbidden for
/// someone who may only read it) answers 404 or 403 with the service's sentence, never a 500, as the API does.
/// </summary>
public sealed class AccessRefusals : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var status = executed.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            _ => 0,
        };
        if (status == 0) return;
        executed.ExceptionHandled = true;
        executed.Result = new ContentResult { StatusCode = status, ContentType = "text/plain; charset=utf-8", Content = executed.Exception!.Message };
    }
}
