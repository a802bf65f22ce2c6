using Koostoo.Host.Accounts;
using Koostoo.Host.Pages;
using Koostoo.Service.Access;
using Koostoo.Service.WorkSheets;

namespace Koostoo.Host.Api;

/// <summary>The sheets as files: <c>/networks/{id}/sheets/{sheet}.xlsx</c> and <c>.csv</c>, beside the print page at the same address without the extension.</summary>
public static class WorkSheetEndpoints
{
    public static void MapWorkSheetEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in staff (the fallback policy); the builder asks NetworkAccess whether this one may read the network.
        var sheets = app.MapGroup("/networks/{id:guid}/sheets").WithTags("Work sheets")
            .Audit(Koostoo.Service.Accounts.AuditAction.SheetExported, Koostoo.Service.Accounts.AuditAction.SheetExported);

        sheets.MapGet("/{sheet}.xlsx", async (Guid id, string sheet, HttpRequest http, WorkSheetBuilder builder, Actor actor, CancellationToken ct) =>
        {
            var built = await builder.BuildAsync(actor, id, sheet, UiLanguage.Of(http), ct);
            return Results.File(XlsxSheet.Render(built), XlsxSheet.ContentType, SheetNames.FileName(built.NetworkName, built.Kind, built.Language, "xlsx"));
        }).WithSummary("A work sheet (members, agreements, plan, meetings, feedback) as an Excel workbook; ?lang=en in English, ?lang=ru in Russian.");

        sheets.MapGet("/{sheet}.csv", async (Guid id, string sheet, HttpRequest http, WorkSheetBuilder builder, Actor actor, CancellationToken ct) =>
        {
            var built = await builder.BuildAsync(actor, id, sheet, UiLanguage.Of(http), ct);
            return Results.File(CsvSheet.Render(built), CsvSheet.ContentType, SheetNames.FileName(built.NetworkName, built.Kind, built.Language, "csv"));
        }).WithSummary("A work sheet as CSV (Estonian and Russian: semicolons; ?lang=en: commas).");
    }
}
