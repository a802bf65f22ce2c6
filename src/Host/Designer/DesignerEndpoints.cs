using Koostoo.Language;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Koostoo.Host.Designer;

/// <summary>
/// The workflow designer for admins (src/Designer, built by Koostoo.Host.csproj into wwwroot/designer and copied
/// next to the host's assembly). Everything under /designer is this one route group, so that protecting the
/// designer is one call on what <see cref="MapDesigner"/> returns, e.g. <c>.RequireAuthorization("Admin")</c>.
/// </summary>
public static class DesignerEndpoints
{
    /// <summary>Beside the assembly, not under the content root: the host runs from the repository root, a test folder or a publish folder alike.</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "wwwroot", "designer");

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static RouteGroupBuilder MapDesigner(this IEndpointRouteBuilder app)
    {
        var designer = app.MapGroup("/designer").ExcludeFromDescription();
        designer.MapMethods("/", ["GET", "HEAD"], (HttpContext http) => Serve(http, "index.html"));
        designer.MapMethods("/{*path}", ["GET", "HEAD"], (HttpContext http, string path) => Serve(http, path));
        return designer;
    }

    private static IResult Serve(HttpContext http, string path)
    {
        if (!Directory.Exists(Folder))
            return Results.Problem(statusCode: 404, title: Words.Current["Problems.Title.DesignerNotBuilt"],
                detail: Words.Current["Problems.BuildTheDesigner"]);
        var files = new PhysicalFileProvider(Folder);
        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            // A missing script or image is a 404; any other address is a page of the single-page app (/designer/definitions/x).
            if (Path.HasExtension(path)) return Results.NotFound();
            file = files.GetFileInfo("index.html");
            path = "index.html";
        }
        // Vite puts a content hash in every name under assets/, so those never change; index.html names the current ones.
        http.Response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        var contentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        return Results.File(file.PhysicalPath!, contentType, lastModified: file.LastModified);
    }
}
