using Koostoo.Networks;
using Koostoo.Service.Access;
using Koostoo.Service.Incidents;
using Koostoo.Service.Persistence;
using Koostoo.Service.Versions;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Tests;

/// <summary>
/// Who sees and handles an incident, decided by <see cref="NetworkAccess"/> like everything about a network: an admin every
/// one, a coordinator her own network's (she reads it and may cancel the network; running the step again or choosing its
/// outcome follows a fix of the definition, an admin's work); another coordinator's incident does not exist for her.
/// Moving workflows to another version is an admin's only.
/// </summary>
public sealed class IncidentAccessTests : IAsyncLifetime
{
    private static readonly Actor Kati = Actor.Staff("kati", "Kati Kask", "kati@vald.example", StaffRoles.Coordinator);
    private static readonly Actor Peeter = Actor.Staff("peeter", "Peeter Puu", "peeter@linn.example", StaffRoles.Coordinator);
    private static readonly Actor Admin = Actor.Staff("admin", "Anne Admin", "admin@vald.example", StaffRoles.Admin);

    private ServiceHost _host = null!;
    private (Guid Network, Guid Instance) _katis;
    private (Guid Network, Guid Instance) _peeters;

    public async Task InitializeAsync()
    {
        _host = await ServiceHost.StartAsync();
        _katis = await FaultedAsync(Kati, "Kati võrgustik");
        _peeters = await FaultedAsync(Peeter, "Peetri võrgustik");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A network whose workflow stands as a fault in its invitation leaves it (the faults themselves are the engine's tests').</summary>
    private async Task<(Guid, Guid)> FaultedAsync(Actor coordinator, string name)
    {
        var network = await _host.LaunchAsync(coordinator, name);
        return await _host.WithAsync<KoostooDbContext, (Guid, Guid)>(async db =>
        {
            var instanceId = (await db.Networks.SingleAsync(n => n.Id == network)).WorkflowInstanceId!.Value;
            await db.Instances.Where(i => i.Id == instanceId).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InstanceStatus.Faulted)
                .SetProperty(i => i.Fault, "TemplateException: an unclosed tag")
                .SetProperty(i => i.FaultedActivityId, "invite"));
            return (network, instanceId);
        });
    }

    [Fact]
    public async Task A_coordinator_sees_only_her_own_networks_incident_and_an_admin_every_one()
    {
        (await _host.WithAsync<IncidentHandling, IReadOnlyList<IncidentView>>(i => i.ListAsync(Kati))).Select(i => i.NetworkName).Should().Equal("Kati võrgustik");
        (await _host.WithAsync<IncidentHandling, IReadOnlyList<IncidentView>>(i => i.ListAsync(Admin))).Should().HaveCount(2);
        (await _host.WithAsync<IncidentHandling, IReadOnlyList<IncidentView>>(i => i.ListAsync(Actor.Member(Guid.NewGuid(), "Liige 1")))).Should().BeEmpty();

        var hers = await _host.WithAsync<IncidentHandling, IncidentView?>(i => i.OfNetworkAsync(Kati, _katis.Network));
        hers!.Should().Match<IncidentView>(i => i.ActivityId == "invite" && i.Error == "TemplateException: an unclosed tag" && i.Step.In("et") == "Kutse võrgustikku: kas osaled?");
        await _host.Invoking(h => h.WithAsync<IncidentHandling>(i => i.OfNetworkAsync(Kati, _peeters.Network))).Should().ThrowAsync<NotFoundException>();
        await _host.Invoking(h => h.WithAsync<IncidentHandling>(i => i.GetAsync(Kati, _peeters.Instance))).Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task A_coordinator_may_not_run_her_step_again_nor_touch_anothers_but_may_cancel_her_network()
    {
        await _host.Invoking(h => h.WithAsync<IncidentHandling>(i => i.RetryAsync(Kati, _katis.Instance))).Should().ThrowAsync<ForbiddenException>();
        await _host.Invoking(h => h.WithAsync<IncidentHandling>(i => i.ContinueAsync(Kati, _katis.Instance, "Done"))).Should().ThrowAsync<ForbiddenException>();
        await _host.Invoking(h => h.WithAsync<IncidentHandling>(i => i.CancelAsync(Kati, _peeters.Instance))).Should().ThrowAsync<NotFoundException>();
        await _host.Invoking(h => h.WithAsync<InstanceMigrations>(m => m.CandidatesAsync(Kati, "network-lifecycle"))).Should().ThrowAsync<ForbiddenException>();

        await _host.WithAsync<IncidentHandling>(i => i.CancelAsync(Kati, _katis.Instance));

        await _host.WithAsync<KoostooDbContext>(async db =>
        {
            (await db.Networks.SingleAsync(n => n.Id == _katis.Network)).Status.Should().Be(NetworkStatus.Cancelled);
            (await db.Instances.SingleAsync(i => i.Id == _katis.Instance)).Status.Should().Be(InstanceStatus.Cancelled);
            (await db.Instances.SingleAsync(i => i.Id == _peeters.Instance)).Status.Should().Be(InstanceStatus.Faulted, "nothing of Peeter's changed");
        });
    }
}
