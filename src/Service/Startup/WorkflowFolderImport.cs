using Koostoo.Workflows.Definitions;

namespace Koostoo.Service.Startup;

/// <summary>The <c>Koostoo:Workflows</c> section.</summary>
public sealed class WorkflowFolderOptions
{
    public const string Section = "Koostoo:Workflows";
    /// <summary>Definitions shipped with the service, imported at every start.</summary>
    public string Folder { get; set; } = "workflows";
}

/// <summary>
/// Imports every <c>workflows/*.json</c> at start. A broken file is reported with its name and every
/// problem's path and skipped: one bad file must not keep the service down.
/// </summary>
public static class WorkflowFolderImport
{
    public static async Task ImportAsync(IServiceProvider services, string folder, ILogger logger, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The workflow folder {Folder} does not exist; no definitions imported", Path.GetFullPath(folder));
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            var name = Path.GetFileName(file);
            try
            {
                var version = await store.ImportAsync(await File.ReadAllTextAsync(file, ct), ct);
                if (version is null) logger.LogInformation("Workflow {File} unchanged", name);
                else logger.LogInformation("Workflow {File} published as version {Version}", name, version);
            }
            catch (InvalidDefinitionException e)
            {
                logger.LogError("Workflow {File} skipped, it is not valid:{Problems}", name,
                    string.Concat(e.Problems.Select(p => $"{Environment.NewLine}  {p.Path}: {p.Message}")));
            }
        }
    }
}
