using Koostoo.Language;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Koostoo.Service.Incidents;

/// <summary>
/// The network's side of its workflow faulting (an incident), in the fault's own save: the steps' open requests close (their
/// bookmarks went with the fault, so the links already say the step is closed), the history tells of the error, and the
/// coordinator gets one mail through the outbox, handed to delivery once the transaction commits (else the outbox sweep
/// sends it). Only the change into Faulted counts: a retry that faults again mails nobody twice. The engine knows nothing
/// of networks, so this follows the engine's save, as <see cref="Persistence.NetworkEndsWithItsWorkflow"/> does.
/// </summary>
public sealed class NetworkFaultNotice(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _toDeliver = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            foreach (var instance in InstanceStatusChanges.Of(db).Where(i => i.Status == InstanceStatus.Faulted))
                await TellAsync(db, instance, cancellationToken);
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private async Task TellAsync(DbContext db, WorkflowInstance instance, CancellationToken ct)
    {
        var network = db.Tracked<Network>(n => n.WorkflowInstanceId == instance.Id).FirstOrDefault()
            ?? await db.Set<Network>().Include(n => n.Members).FirstOrDefaultAsync(n => n.WorkflowInstanceId == instance.Id, ct);
        if (network is null || network.Status != NetworkStatus.Active) return;
        var at = instance.FinishedAt ?? instance.UpdatedAt;

        await db.Set<StepRequest>().Where(r => r.InstanceId == instance.Id && r.ClosedAt == null).LoadAsync(ct);
        foreach (var request in db.Tracked<StepRequest>(r => r.InstanceId == instance.Id && r.ClosedAt == null))
            request.ClosedAt = at;

        services.GetRequiredService<DefinitionCache>().TryGet(instance.DefinitionId, instance.DefinitionVersion, out var definition);
        var step = StepLabel.Of(definition, instance.FaultedActivityId);
        var error = instance.Fault ?? "";
        NetworkHistory.Add(db, network.Id, at, HistoryKind.WorkflowFaulted, HistoryActor.System,
            new() { ["step"] = NetworkHistory.Localized(step), ["error"] = error });

        var delivery = services.GetRequiredService<IMailDelivery>();
        var coordinator = NetworkPeople.CoordinatorOf(network);
        var catalog = TemplateCatalog.Shipped;
        var email = catalog.Render(catalog.Find("notice")!, coordinator.Language, new Dictionary<string, object?>
        {
            ["network"] = network.Name,
            ["title"] = Words.In(coordinator.Language)["Incidents.NoticeTitle"].Value,
            ["message"] = Words.In(coordinator.Language)["Incidents.NoticeMessage", step.In(coordinator.Language), error].Value,
            ["link"] = services.GetRequiredService<IOptions<PublicLinks>>().Value.Network(network.Id),
            [TemplateCatalog.RecipientVariable] = coordinator.TemplateModel(),
        });
        var row = Outbox.Row(delivery, coordinator, email, coordinator, attachments: null, at, instance.Id, instance.FaultedActivityId);
        db.Set<OutboxMessage>().Add(row);
        _toDeliver.GetOrCreateValue(db).Add(row.Id);
    }

    /// <summary>A save with no transaction of its own has committed when it returns.</summary>
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null) Deliver(db);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) _toDeliver.Remove(db);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Deliver(db);
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) _toDeliver.Remove(db);
        return Task.CompletedTask;
    }

    private void Deliver(DbContext db)
    {
        if (!_toDeliver.TryGetValue(db, out var rows)) return;
        _toDeliver.Remove(db);
        services.GetRequiredService<IMailDelivery>().Deliver(rows);
    }
}
