using Koostoo.Activities.Control;
using Koostoo.Host.Api;
using Koostoo.Host.Designer;
using Koostoo.Host.Persistence;
using Koostoo.Host.Scheduling;
using Koostoo.Host.Startup;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
builder.Services.Configure<WorkflowFolderOptions>(builder.Configuration.GetSection(WorkflowFolderOptions.Section));
builder.Services.AddDbContextPool<KoostooDbContext>((services, options) =>
    services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(options));
builder.Services.AddScoped<WorkflowDbContext>(services => services.GetRequiredService<KoostooDbContext>());
builder.Services.AddWorkflowEngine(typeof(If).Assembly);
builder.Services.AddKoostooHangfire(builder.Configuration);

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemResponses>();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
builder.Services.AddOpenApi();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.MigrateAsync();
await WorkflowFolderImport.ImportAsync(app.Services, app.Services.GetRequiredService<IOptions<WorkflowFolderOptions>>().Value.Folder,
    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Koostoo.Import"));

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.UseKoostooHangfire();
app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithTags("Health");
app.MapDefinitionEndpoints();
app.MapInstanceEndpoints();
app.MapDesigner();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
