using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Koostoo.Host.Api;

/// <summary>
/// What the OpenAPI document says of every operation beyond what the endpoints declare (docs/api.md): an operationId,
/// the problem-details answers it can give, the tags' descriptions. Said once here rather than on each of forty
/// endpoints, from what the endpoint already carries (its route, body and authorization), so that a new endpoint is
/// described like the others. The strict linter in the tests (OpenApiLintTests) keeps it so.
/// </summary>
public static class OpenApiConventions
{
    private const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Health"] = "Whether the service runs and is ready.",
        ["Definitions"] = "Workflow definitions: drafts, versions, publishing (admins).",
        ["Instances"] = "Workflow instances as the engine runs them (admins).",
        ["Networks"] = "Collaboration networks: launch, read, commands on waiting steps, members.",
        ["Board"] = "Who owes what across the networks a coordinator may see.",
        ["Meetings"] = "A network's meetings and their calendar invitations.",
        ["Work sheets"] = "A network's work sheets as files (CSV, Excel).",
        ["Versions"] = "Moving running networks to another version of their definition (admins).",
        ["Incidents"] = "Workflows stopped on an error, and the ways on from there.",
        ["Accounts"] = "Staff users, their API keys and access to networks (admins).",
        ["Audit"] = "Who viewed or changed what, and when.",
    };

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = "Koostöö";
            document.Info.Description = "The REST API of Koostöö, the service that walks collaboration networks through their stages.";
            // The address people reach the service at (Koostoo:PublicUrl), not the name this host listens on; no trailing
            // slash, since the paths start with one.
            var publicUrl = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Koostoo.Networks.PublicLinks>>().Value.PublicUrl;
            document.Servers = [new OpenApiServer { Url = publicUrl.TrimEnd('/') }];
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[ProblemSchema] = Problem();
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
            operation.Responses ??= new OpenApiResponses();
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var hasRouteValues = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");
            var hasInput = description.ParameterDescriptions.Count > 0;
            var changes = description.HttpMethod is "POST" or "PUT" or "DELETE";
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            if (hasInput) AddProblem(operation, context, "400", "The request is not understood: a field is missing, of the wrong type or not allowed; the answer names it.");
            // Anyone may call it: no scheme, whatever the document's default says.
            if (anonymous) operation.Security = [];
            else
            {
                AddProblem(operation, context, "401", "Not signed in: no session cookie and no valid API key.");
                AddProblem(operation, context, "403", "Signed in, but this is not yours to do (your role, or a network you only see).");
            }
            if (hasRouteValues) AddProblem(operation, context, "404", "No such thing, or none you may see.");
            if (changes && hasRouteValues) AddProblem(operation, context, "409", "It cannot be done now (the step no longer waits, the network has ended).");
            if (description.ParameterDescriptions.Any(p => p.Source.Id == "Body")) AddProblem(operation, context, "413", "The body is larger than this operation takes.");
            return Task.CompletedTask;
        });
    }

    /// <summary>An id from the method and the route: <c>POST /api/networks/{id}/cancel</c> is <c>postNetworksByIdCancel</c>.</summary>
    public static string OperationId(string method, string route)
    {
        var words = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api")
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s, @"\{([^}:?]+)[^}]*\}", "-by-$1-"))
            .SelectMany(s => System.Text.RegularExpressions.Regex.Split(s, "[^A-Za-z0-9]+"))
            .Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return method.ToLowerInvariant() + string.Concat(words);
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
        };
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; a field error names the field under errors.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
