using Koostoo.Workflows.Incidents;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Runtime;
using Koostoo.Workflows.Versions;
using Microsoft.Extensions.DependencyInjection;
using static Koostoo.Workflows.Tests.Definitions;

namespace Koostoo.Workflows.Tests.Versions;

/// <summary>A faulted instance taken on again: run the faulted step again (after moving to a fixed version), continue with an outcome, cancel.</summary>
public sealed class IncidentRecoveryTests : IAsyncLifetime
{
    private EngineHost _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHost.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private IncidentRecovery Recovery => _engine.Services.GetRequiredService<IncidentRecovery>();

    /// <summary>A condition that reads a variable nobody set faults: a bad expression, the kind of fault a fix to the definition mends.</summary>
    private static string Checking(string condition) => Flow("checking", [
        Act("check", "If", new { condition }), Act("yes", "Finish", new { status = "yes" }), Act("no", "Finish", new { status = "no" }),
    ], [Link("check", "yes", "True"), Link("check", "no", "False")]);

    private async Task<Guid> FaultedAsync()
    {
        await _engine.PublishAsync(Checking("variables.missing.count > 0"));
        var id = (await _engine.Runtime.StartAsync("checking")).Id;
        var instance = await _engine.InstanceAsync(id);
        instance.Status.Should().Be(InstanceStatus.Faulted);
        instance.FaultedActivityId.Should().Be("check");
        return id;
    }

    [Fact]
    public async Task Run_again_it_faults_again_until_the_instance_is_on_the_fixed_version_then_it_finishes()
    {
        var id = await FaultedAsync();

        (await Recovery.RetryAsync(id, "Anne Admin")).Status.Should().Be(InstanceStatus.Faulted, "nothing was fixed yet");

        await _engine.PublishAsync(Checking("(variables.missing ?? { count: 0 }).count > 0"));
        var moved = await _engine.Services.GetRequiredService<VersionMigrator>()
            .MigrateAsync(new MigrationOrder(id, "checking", 1, 2, new Dictionary<string, string>(), "Anne Admin", DryRun: false));
        moved.Status.Should().Be(MigrationStatus.Migrated);
        moved.Steps.Should().ContainSingle().Which.Should().Match<StepMapping>(s => s.From == "check" && s.To == "check");
        (await _engine.InstanceAsync(id)).Status.Should().Be(InstanceStatus.Faulted, "moving does not run anything");

        var instance = await Recovery.RetryAsync(id, "Anne Admin");

        instance.Status.Should().Be(InstanceStatus.Finished);
        instance.Result.Should().Be("no");
        instance.Fault.Should().BeNull();
        var journal = await _engine.JournalAsync(id);
        journal.Count(j => j.Event == JournalEvent.Retried && j.ActivityId == "check").Should().Be(2);
        journal.Count(j => j.Event == JournalEvent.InstanceFaulted).Should().Be(2);
    }

    [Fact]
    public async Task Continued_with_a_chosen_outcome_it_goes_that_way_and_an_unknown_outcome_changes_nothing()
    {
        var id = await FaultedAsync();
        var revision = (await _engine.InstanceAsync(id)).Revision;

        await FluentActions.Awaiting(() => Recovery.ContinueAsync(id, "Maybe", "Anne Admin"))
            .Should().ThrowAsync<ConflictException>().WithMessage("*'Maybe' is not an outcome of 'check'*True, False*");
        (await _engine.InstanceAsync(id)).Revision.Should().Be(revision);

        var instance = await Recovery.ContinueAsync(id, "true", "Anne Admin");

        instance.Result.Should().Be("yes");
        (await _engine.JournalAsync(id)).Should().ContainSingle(j => j.Event == JournalEvent.OutcomeChosen)
            .Which.Should().Match<JournalEntry>(j => j.Outcome == "True" && j.Message == "by Anne Admin");
    }

    [Fact]
    public async Task A_faulted_instance_can_be_cancelled_and_a_running_one_is_no_incident()
    {
        var id = await FaultedAsync();

        (await _engine.Runtime.CancelAsync(id, "nobody will fix it")).Status.Should().Be(InstanceStatus.Cancelled);
        await FluentActions.Awaiting(() => Recovery.RetryAsync(id, "Anne Admin")).Should().ThrowAsync<ConflictException>().WithMessage("*not faulted*cancelled*");
    }
}
