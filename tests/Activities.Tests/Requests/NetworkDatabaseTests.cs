using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Activities.Requests;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Activities.Tests.Requests;

public sealed class NetworkDatabaseTests
{
    [Fact]
    public async Task A_people_step_over_the_engine_tables_alone_faults_its_instance_saying_what_is_missing()
    {
        var folder = Directory.CreateTempSubdirectory("koostoo-engine-only-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<WorkflowDbContext>(o => new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "k.db")}" }.Configure(o));
        services.AddSingleton<IMailDelivery>(new RecordingDelivery());
        services.AddWorkflowEngine(typeof(AskMembers).Assembly);
        await using (var provider = services.BuildServiceProvider())
        {
            await using (var scope = provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.EnsureCreatedAsync();
                await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(StepFlows.Ask());
            }

            var instance = await provider.GetRequiredService<WorkflowRuntime>().StartAsync("ask-flow");

            instance.Status.Should().Be(InstanceStatus.Faulted);
            instance.Fault.Should().Contain("AskMembers needs the network's tables").And.Contain(nameof(NetworkDbContext));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
