using Koostoo.Activities.Control;
using Koostoo.Activities.Email;
using Koostoo.Host.Api;
using Koostoo.Host.Meetings;
using Koostoo.Host.Networks;
using Koostoo.Host.WorkSheets;
using Koostoo.Host.Requests;
using Koostoo.Networks;
using Koostoo.Networks.Launch;
using Koostoo.Host.Email;
using Koostoo.Host.Pages;
using Koostoo.Host.Designer;
using Koostoo.Host.Persistence;
using Koostoo.Host.Scheduling;
using Koostoo.Host.Startup;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` starts in the repository root in any environment; this serves src/Host/wwwroot from the build's
// manifest there (a published app has its own wwwroot and no manifest, so it changes nothing).
builder.WebHost.UseStaticWebAssets();

builder.Services.Configure<WorkflowFolderOptions>(builder.Configuration.GetSection(WorkflowFolderOptions.Section));
builder.Services.AddKoostooDatabase(builder.Configuration);
builder.Services.AddWorkflowEngine(typeof(If).Assembly);
builder.Services.AddKoostooHangfire(builder.Configuration);
builder.Services.AddKoostooMail(builder.Configuration);
builder.Services.Configure<PublicLinks>(builder.Configuration.GetSection(PublicLinks.Section));
builder.Services.AddSingleton<NetworkLauncher>();
builder.Services.AddScoped<NetworkReader>();
builder.Services.AddScoped<StepCommands>();
builder.Services.AddScoped<Membership>();
builder.Services.AddScoped<NetworkCancellation>();
builder.Services.AddScoped<MemberRequests>();
builder.Services.AddScoped<MeetingPlanner>();
builder.Services.AddScoped<WorkSheetBuilder>();
// Estonian letters as they are in pages, not as &#xF5; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// Until accounts exist, the pages that show a network's people and mail answer only the machine itself.
builder.Services.AddRazorPages(pages =>
{
    foreach (var folder in new[] { "/Mailbox", "/Networks" })
        pages.Conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(new LoopbackOnlyFilter()));
});

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemResponses>();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
builder.Services.AddOpenApi();

var app = builder.Build();
// Bad settings (mail transport, addresses) stop the host here, naming the setting, before anything touches the database.
app.Services.GetRequiredService<IStartupValidator>().Validate();

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateAsync();
await WorkflowFolderImport.ImportAsync(app.Services, app.Services.GetRequiredService<IOptions<WorkflowFolderOptions>>().Value.Folder,
    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Koostoo.Import"));

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.UseKoostooHangfire();
app.UseKoostooMail();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithTags("Health");
app.MapDefinitionEndpoints();
app.MapInstanceEndpoints();
app.MapNetworkEndpoints();
app.MapMeetingEndpoints();
app.MapWorkSheetEndpoints();
app.MapDesigner();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
