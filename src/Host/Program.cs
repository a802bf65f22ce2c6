using Koostoo.Host.Accounts;
using Koostoo.Host.Api;
using Koostoo.Host.Designer;
using Koostoo.Host.Operations;
using Koostoo.Host.Pages;
using Koostoo.Host.Security;
using Koostoo.Service;
using Microsoft.Extensions.Options;

// Whatever the service creates (database, mail, keys) is readable by its own user only (docs/security.md).
Koostoo.Service.Startup.PrivateFiles.ForThisProcess();
// Settings are read once, at start. Watching them for changes would watch the host's folder and everything below it,
// its database and mail folder included, and wake a thread for every write the service makes (docs/scale.md, The request page).
// Started from its build, ASP.NET Core's static assets would add a route that looks up every request's path under
// wwwroot, for files added after start: one file-system call a request, for nothing (docs/scale.md, The request page).
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", "--DisableStaticAssetNotFoundRuntimeFallback=true", .. args]);
// `dotnet run` starts in the repository root in any environment; this serves src/Host/wwwroot from the build's
// manifest there (a published app has its own wwwroot and no manifest, so it changes nothing).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddKoostoo(builder.Configuration);
builder.Services.AddKoostooAccounts(builder.Configuration, builder.Environment);
builder.Services.AddKoostooOperations(builder.Configuration);
builder.Services.AddKoostooDataProtection(builder.Configuration);
// Estonian letters as they are in pages, not as &#xF5; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(AccountPages.Conventions);

builder.Services.AddKoostooRateLimits(builder.Configuration);
// SecurityHeaders says DENY for every response; anti-forgery's own SAMEORIGIN would let the site frame its forms.
builder.Services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
// A body that does not bind (bad JSON, an unknown sector) reaches ProblemResponses, which names the field.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemResponses>();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    // Words only: a number would pass as a sector or type that does not exist.
    json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
    json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
builder.Services.AddOpenApi(OpenApiConventions.Apply);

var app = builder.Build();
if (AccountCommands.IsCommand(args)) return await AccountCommands.RunAsync(app.Services, args);
// Bad settings (mail transport, addresses) stop the host here, naming the setting, before anything touches the database.
app.Services.GetRequiredService<IStartupValidator>().Validate();

// The database's start-up work and the building of the request pipeline below do not depend on each other, and both
// are mostly code running for the first time: side by side the second core of a small server takes part
// (docs/scale.md, Start to ready).
var koostooStarted = Task.Run(() => app.Services.StartKoostooAsync());

app.UseForwardedHeaders();

app.UseSecurityHeaders();
app.UseTransportSecurity();
app.UseKoostooRoles();
// Before the rate limiter, whose "please wait" page speaks the reader's language.
app.UseUiLanguage();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseRouting();
app.UseKoostooAccounts();
app.UseBodyLimits();
app.MapOpenApi();
app.MapHangfireDashboard();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapKoostooHealth();
app.MapDefinitionEndpoints();
app.MapInstanceEndpoints();
app.MapNetworkEndpoints();
app.MapActionPlanEndpoints();
app.MapReviewEndpoints();
app.MapBoardEndpoints();
app.MapMeetingEndpoints();
app.MapWorkSheetEndpoints();
app.MapAdminApi();
app.MapDesigner().RequireAuthorization(AccountsSetup.AdminPolicy);
app.MapAccountEndpoints();

await koostooStarted;
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
