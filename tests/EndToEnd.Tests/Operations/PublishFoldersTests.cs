using System.Diagnostics;
using System.Text.Json;

namespace Koostoo.EndToEnd.Tests.Operations;

/// <summary>
/// The two publishes that docs/operations.md gives (ReadyToRun, and self-contained composite ReadyToRun) build in folders
/// of their own. The SDK's incremental build tells neither mode apart (dotnet/sdk#55436): when they shared folders, a
/// ReadyToRun publish after a composite one shipped the composite's compiled parts and a runtimeconfig.json naming no
/// framework, and that host aborted at start. Publishing for real takes minutes, so this asks MSBuild where each builds.
/// </summary>
public sealed class PublishFoldersTests
{
    private static readonly string[] ReadyToRun = ["-p:Configuration=Release", "-p:RuntimeIdentifier=linux-x64", "-p:SelfContained=false", "-p:PublishReadyToRun=true"];
    private static readonly string[] Composite = ["-p:Configuration=Release", "-p:RuntimeIdentifier=linux-x64", "-p:SelfContained=true", "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true"];

    [Fact]
    public async Task The_composite_publish_builds_in_other_folders_than_the_ReadyToRun_publish()
    {
        var readyToRun = await FoldersAsync(ReadyToRun);
        var composite = await FoldersAsync(Composite);

        composite.Output.Should().NotBe(readyToRun.Output, "the runtimeconfig.json of a self-contained build names no framework");
        composite.Intermediate.Should().NotBe(readyToRun.Intermediate, "the compiled parts of a composite image do not run on their own");
    }

    private static async Task<(string Output, string Intermediate)> FoldersAsync(string[] properties)
    {
        var (code, output, error) = await ProgramRun.RunAsync(new ProcessStartInfo("dotnet", ["msbuild",
            Path.Combine(Repository.Root, "src", "Host", "Koostoo.Host.csproj"), "-getProperty:OutputPath", "-getProperty:IntermediateOutputPath", .. properties]));
        code.Should().Be(0, "MSBuild evaluates the project: {0}{1}", output, error);
        var found = JsonDocument.Parse(output).RootElement.GetProperty("Properties");
        return (found.GetProperty("OutputPath").GetString()!, found.GetProperty("IntermediateOutputPath").GetString()!);
    }
}
