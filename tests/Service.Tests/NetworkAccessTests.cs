using Koostoo.Networks;
using Koostoo.Networks.Launch;
using Koostoo.Service.Access;
using Koostoo.Service.Meetings;
using Koostoo.Service.Networks;
using Koostoo.Service.Persistence;
using Koostoo.Service.WorkSheets;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Tests;

/// <summary>
/// Every service that reads or changes a network asks <see cref="NetworkAccess"/>: a coordinator reaches her own
/// networks only, another's does not exist for her (and nothing of it changes), an admin reaches all, a member's or a
/// stranger's actor none.
/// </summary>
public sealed class NetworkAccessTests : IAsyncLifetime
{
    private static readonly Actor Kati = Actor.Staff("kati", "Kati Kask", "kati@vald.example", StaffRoles.Coordinator);
    private static readonly Actor Peeter = Actor.Staff("peeter", "Peeter Puu", "peeter@linn.example", StaffRoles.Coordinator);
    private static readonly Actor Admin = Actor.Staff("admin", "Anne Admin", "admin@vald.example", StaffRoles.Admin);

    private ServiceHost _host = null!;
    private Guid _katis;
    private Guid _peeters;

    public async Task InitializeAsync()
    {
        _host = await ServiceHost.StartAsync();
        _katis = await _host.LaunchAsync(Kati, "Kati võrgustik");
        _peeters = await _host.LaunchAsync(Peeter, "Peetri võrgustik");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_coordinator_reads_and_changes_her_own_network()
    {
        var detail = await _host.WithAsync<NetworkReader, NetworkDetail>(r => r.GetAsync(Kati, _katis));
        detail.Name.Should().Be("Kati võrgustik");
        var added = await _host.WithAsync<Membership, Koostoo.Networks.Members.Member>(m =>
            m.AddAsync(Kati, _katis, new MemberDraft { Name = "Uus Liige", Email = "uus@kool.example" }));
        added.NetworkId.Should().Be(_katis);
        var sheet = await _host.WithAsync<WorkSheetBuilder, WorkSheet>(b => b.BuildAsync(Kati, _katis, "members", "et"));
        sheet.NetworkName.Should().Be("Kati võrgustik");
    }

    [Fact]
    public async Task Another_coordinators_network_does_not_exist_for_her_and_nothing_of_it_changes()
    {
        var attempts = new Func<Task>[]
        {
            () => _host.WithAsync<NetworkReader>(r => r.GetAsync(Kati, _peeters)),
            () => _host.WithAsync<NetworkReader>(r => r.JournalAsync(Kati, _peeters)),
            () => _host.WithAsync<WorkSheetBuilder>(b => b.BuildAsync(Kati, _peeters, "plan", "et")),
            () => _host.WithAsync<MeetingPlanner>(p => p.ListAsync(Kati, _peeters)),
            () => _host.WithAsync<MeetingPlanner>(p => p.ScheduleAsync(Kati, _peeters,
                new MeetingDraft { Title = "Võõras kohtumine", StartsAt = "2030-05-06T10:00", EndsAt = "2030-05-06T11:00" })),
            () => _host.WithAsync<Membership>(m => m.AddAsync(Kati, _peeters, new MemberDraft { Name = "Sissetungija", Email = "x@y.example" })),
            () => _host.WithAsync<NetworkCancellation>(c => c.CancelAsync(Kati, _peeters)),
        };
        // The work sheet says it in the sheet's language; none of the answers names anything of the network.
        foreach (var attempt in attempts)
            (await attempt.Should().ThrowAsync<NotFoundException>()).Which.Message.Should()
                .BeOneOf($"There is no network {_peeters}.", $"Võrgustikku {_peeters} ei ole.");

        await _host.WithAsync<KoostooDbContext>(async db =>
        {
            var network = await db.Networks.Include(n => n.Members).SingleAsync(n => n.Id == _peeters);
            network.Status.Should().Be(NetworkStatus.Active);
            network.Members.Select(m => m.Name).Should().BeEquivalentTo(["Liige 1", "Liige 2"]);
            (await db.Set<Koostoo.Networks.Meetings.Meeting>().CountAsync(m => m.NetworkId == _peeters)).Should().Be(0);
        });
    }

    [Fact]
    public async Task The_list_holds_only_what_the_actor_may_read()
    {
        (await _host.WithAsync<NetworkReader, IReadOnlyList<NetworkSummary>>(r => r.ListAsync(Kati)))
            .Select(n => n.Name).Should().Equal("Kati võrgustik");
        (await _host.WithAsync<NetworkReader, IReadOnlyList<NetworkSummary>>(r => r.ListAsync(Admin)))
            .Select(n => n.Name).Should().BeEquivalentTo(["Kati võrgustik", "Peetri võrgustik"]);
        (await _host.WithAsync<NetworkReader, IReadOnlyList<NetworkSummary>>(r => r.ListAsync(Actor.Member(Guid.NewGuid(), "Liige 1"))))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task An_admin_reaches_every_network_and_a_member_or_a_staff_user_without_a_role_none()
    {
        (await _host.WithAsync<NetworkReader, NetworkDetail>(r => r.GetAsync(Admin, _peeters))).Name.Should().Be("Peetri võrgustik");

        var noRole = Actor.Staff("ants", "Ants", "peeter@linn.example");
        await _host.Invoking(h => h.WithAsync<NetworkReader>(r => r.GetAsync(noRole, _peeters))).Should().ThrowAsync<NotFoundException>();
        await _host.Invoking(h => h.WithAsync<NetworkReader>(r => r.GetAsync(Actor.Member(Guid.NewGuid(), "Liige 1"), _katis)))
            .Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Only_staff_who_coordinate_launch_a_network()
    {
        var member = Actor.Member(Guid.NewGuid(), "Liige 1") with { Email = "liige1@kati-võrgustik.example" };
        (await _host.Invoking(h => h.LaunchAsync(member, "Liikme võrgustik")).Should().ThrowAsync<ForbiddenException>())
            .Which.Message.Should().Be("Võrgustikku käivitab ainult koordinaator.", "a refusal outside a request reads in Estonian");
        await _host.WithAsync<KoostooDbContext>(async db => (await db.Networks.CountAsync()).Should().Be(2, "nothing was saved"));
    }
}
