using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Koostoo.Host.Accounts;

/// <summary>The OpenAPI document names both ways in: an API key as a bearer token, and the session cookie of the pages.</summary>
public static class OpenApiSchemes
{
    public static IServiceCollection AddOpenApiSchemes(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API key (made at /account/keys or by create-api-key): Authorization: Bearer koostoo_…",
            };
            document.Components.SecuritySchemes["session"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "koostoo.session",
                Description = "The session cookie of a signed-in user (/account/login); a change with it must be sent as application/json.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", document)] = [] });
            return Task.CompletedTask;
        }));
}
