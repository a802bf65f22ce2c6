using System.Text.Json.Nodes;
using Koostoo.Service.Persistence;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Host.Tests;

/// <summary>
/// The engine's exactly-once guarantees over PostgreSQL, whose writers really run at the same time (read committed, no
/// in-process writer queue as on SQLite): a concurrent save over a stale read finds the instance's revision changed,
/// fails, and is retried from a fresh read. The tables come from the service's real PostgreSQL migrations.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRuntimeTests(PostgresFixture postgres)
{
    private static EngineDatabase Postgres(string connectionString) => new(
        services => services.AddDbContext<WorkflowDbContext, PostgresKoostooDbContext>(o =>
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }.Configure(o)),
        db => db.Database.MigrateAsync());

    private async Task<EngineHost> StartEngineAsync() => await EngineHost.StartAsync(Postgres(await postgres.Server.CreateDatabaseAsync()));

    private static JsonObject VariablesOf(WorkflowInstance instance) => InstanceState.Read(instance.State).Variables;

    [Fact]
    public async Task Fifty_concurrent_resumes_of_one_bookmark_resume_it_exactly_once()
    {
        await using var engine = await StartEngineAsync();
        await ConcurrencyScenarios.FiftyResumesOfOneBookmarkAsync(engine);
    }

    [Fact]
    public async Task Thirty_branches_signalled_at_once_are_all_counted_and_the_join_completes_once()
    {
        await using var engine = await StartEngineAsync();
        await ConcurrencyScenarios.ThirtyBranchesSignalledAtOnceAsync(engine);
    }

    [Fact]
    public async Task Ten_admins_moving_one_instance_at_once_move_it_once()
    {
        await using var engine = await StartEngineAsync();
        await ConcurrencyScenarios.TenMigrationsOfOneInstanceAtOnceAsync(engine);
    }

    [Fact]
    public async Task An_instance_survives_a_restart_over_the_same_database()
    {
        var database = Postgres(await postgres.Server.CreateDatabaseAsync());
        Guid id;
        await using (var before = await EngineHost.StartAsync(database))
        {
            await before.PublishAsync(Flow("restart", [
                Act("wait", "WaitForSignal", new { signal = "go", variable = "answer" }),
                Act("end", "Finish", new { status = "Finished after restart" }),
            ], [Link("wait", "end")]));
            id = (await before.Runtime.StartAsync("restart")).Id;
            (await before.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Suspended);
        }

        // Migrating again finds nothing to do; the instance is all in the rows.
        await using var after = await EngineHost.StartAsync(database);
        (await after.Runtime.SignalAsync(id, "go", new JsonObject { ["ok"] = true })).Status.Should().Be(ResumeStatus.Resumed);

        var instance = await after.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("Finished after restart");
        instance.FinishedAt!.Value.Offset.Should().Be(TimeSpan.Zero, "timestamptz comes back as UTC");
        VariablesOf(instance)["answer"]!["ok"]!.GetValue<bool>().Should().BeTrue();
    }
}
