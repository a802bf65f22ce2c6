using Koostoo.Language;
using System.Text.Json.Nodes;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.Actions;
using Koostoo.Networks.Requests;
using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Activities.Requests;

/// <summary>The execution stage's plan as the coordinator shapes it: actions added, changed, handed on and dropped while followed.</summary>
public sealed partial class TrackActions
{
    /// <summary>
    /// The coordinator shapes the plan while it is followed (docs/coordinator.md, "Shaping the plan"): what the step
    /// follows changes in this transaction with the records, so a new action gets its check-ins and a dropped one none.
    /// The service checked the command first; what no longer fits (an action done meanwhile) changes nothing.
    /// </summary>
    protected override async Task OnPlanCommandAsync(ActivityContext context, StepCommand.PlanCommand command)
    {
        var network = (await NetworkPeople.NetworkOfAsync(context))!;
        if (command is StepCommand.AddAction add)
        {
            await AddActionAsync(context, network, add);
            return;
        }
        var actionId = command switch
        {
            StepCommand.EditAction edit => edit.ActionId,
            StepCommand.ReassignAction reassign => reassign.ActionId,
            StepCommand.DropAction drop => drop.ActionId,
            _ => Guid.Empty,
        };
        var action = await context.NetworkDb().ActionItems.FirstOrDefaultAsync(a => a.Id == actionId && a.NetworkId == network.Id);
        if (action is null || !action.IsOpen || !Requests(context).Any(p => p.Value!.GetValue<string>() == action.Id.ToString()))
        {
            context.Log($"'{command.GetType().Name}' changes nothing: the action is not followed now (done, dropped or unknown).");
            return;
        }
        switch (command)
        {
            case StepCommand.EditAction edit:
                await EditActionAsync(context, network, action, edit);
                break;
            case StepCommand.ReassignAction reassign:
                await ReassignActionAsync(context, network, action, reassign.OwnerMemberId);
                break;
            case StepCommand.DropAction:
                await DropActionAsync(context, network, action);
                break;
        }
    }

    private async Task AddActionAsync(ActivityContext context, Network network, StepCommand.AddAction add)
    {
        if (network.Members.FirstOrDefault(m => m.Id == add.OwnerMemberId && m.IsActive) is not { } owner)
        {
            context.Log("'AddAction' changes nothing: its owner is not an active member.");
            return;
        }
        var action = new ActionItem
        {
            Id = add.ActionId, NetworkId = network.Id, What = add.What, OwnerMemberId = owner.Id, OwnerName = owner.Name,
            DueOn = add.DueOn, Needs = add.Needs, ConfirmedAt = context.Now,
        };
        context.NetworkDb().ActionItems.Add(action);
        var request = Ask(context, network, action);
        Requests(context)[request.Id.ToString()] = action.Id.ToString();
        Outbox.DeliverAfterCommit(context, [RequestMail.ToRespondent(context, PlanChangeTemplate, request, NetworkPeople.CoordinatorOf(network),
            Localized.Text(l => Words.In(l)["Requests.TrackActions.PlanChanges.ANewActionIsYoursDue", action.What, DateText.InWords(action.DueOn, l)]), TimeZone)]);
        FollowToDueDate(context, action);
        context.Log("The coordinator added an action to the plan; its owner was told.");
    }

    private async Task EditActionAsync(ActivityContext context, Network network, ActionItem action, StepCommand.EditAction edit)
    {
        var request = await RequestOfAsync(context, action.Id);
        if (edit.DueOn != action.DueOn) action.EscalatedAt = null;
        action.What = edit.What;
        action.DueOn = edit.DueOn;
        request.Form = FormOf(network, action);
        request.Deadline = Moment(action.DueOn, TimeSpan.Zero);
        foreach (var timer in context.OpenBookmarks.Where(b => b.Key == CheckInKey + action.Id || b.Key == OverdueKey + action.Id).ToList())
            context.RemoveBookmark(timer);
        FollowToDueDate(context, action);
        Outbox.DeliverAfterCommit(context, [RequestMail.ToRespondent(context, PlanChangeTemplate, request, NetworkPeople.CoordinatorOf(network),
            Localized.Text(l => Words.In(l)["Requests.TrackActions.PlanChanges.YourActionIsNowDueOn", action.What, DateText.InWords(action.DueOn, l)]), TimeZone)]);
        context.Log("The coordinator changed an action; its owner was told.");
    }

    private async Task ReassignActionAsync(ActivityContext context, Network network, ActionItem action, Guid ownerMemberId)
    {
        if (network.Members.FirstOrDefault(m => m.Id == ownerMemberId && m.IsActive) is not { } owner || owner.Id == action.OwnerMemberId)
        {
            context.Log("'ReassignAction' changes nothing: the new owner is not another active member.");
            return;
        }
        var previous = await RequestOfAsync(context, action.Id);
        StopAsking(context, previous);
        var previousOwner = action.OwnerName;
        action.OwnerMemberId = owner.Id;
        action.OwnerName = owner.Name;
        var request = Ask(context, network, action);
        Requests(context)[request.Id.ToString()] = action.Id.ToString();
        var coordinator = NetworkPeople.CoordinatorOf(network);
        var mail = new List<OutboxMessage>
        {
            RequestMail.ToRespondent(context, PlanChangeTemplate, request, coordinator,
                Localized.Text(l => Words.In(l)["Requests.TrackActions.PlanChanges.TheActionDueOnIsYours", action.What, DateText.InWords(action.DueOn, l), previousOwner]), TimeZone),
        };
        if (TellWithoutLink(context, network, previous.MemberId, Localized.Text("Requests.TrackActions.PlanChanges.TheActionIsSNowYou", action.What, owner.Name)) is { } told)
            mail.Add(told);
        Outbox.DeliverAfterCommit(context, mail);
        context.Log("The coordinator gave an action to another member; the new owner was told, check-ins and reminders go to them.");
    }

    private static async Task DropActionAsync(ActivityContext context, Network network, ActionItem action)
    {
        var request = await RequestOfAsync(context, action.Id);
        StopAsking(context, request);
        foreach (var timer in context.OpenBookmarks.Where(b => b.Key == CheckInKey + action.Id || b.Key == OverdueKey + action.Id).ToList())
            context.RemoveBookmark(timer);
        action.Status = ActionStatus.Dropped;
        if (TellWithoutLink(context, network, request.MemberId, Localized.Text("Requests.TrackActions.PlanChanges.TheActionWasDroppedFromThe", action.What)) is { } told)
            Outbox.DeliverAfterCommit(context, [told]);
        context.Log("The coordinator dropped an action from the plan; nobody is asked about it any more.");
    }

    /// <summary>An owner's request stops: their link closes and the step no longer counts it.</summary>
    private static void StopAsking(ActivityContext context, StepRequest request)
    {
        request.ClosedAt = context.Now;
        if (context.OpenBookmarks.FirstOrDefault(b => b.Id == request.BookmarkId) is { } bookmark) context.RemoveBookmark(bookmark);
        Requests(context).Remove(request.Id.ToString());
    }

    /// <summary>
    /// The check-in some days before the due date (unless that moment has passed: the owner was just mailed their link)
    /// and the overdue reminder the morning after it.
    /// </summary>
    private void FollowToDueDate(ActivityContext context, ActionItem action)
    {
        var checkIn = Moment(action.DueOn, -IsoDuration.Parse(CheckInBefore));
        if (checkIn > context.Now) context.CreateBookmark(BookmarkKind.Timer, CheckInKey + action.Id, checkIn);
        context.CreateBookmark(BookmarkKind.Timer, OverdueKey + action.Id, OverdueMoment(action));
    }

    /// <summary>A member told of a change that asks nothing of them any more: no link. A confidential network's mail says nothing, so none is sent.</summary>
    private static OutboxMessage? TellWithoutLink(ActivityContext context, Network network, Guid? memberId, LocalizedText note)
    {
        if (network.Confidential || network.Members.FirstOrDefault(m => m.Id == memberId && m.IsActive) is not { } member) return null;
        var recipient = new Recipient(member.Email, member.Name, member.Language, RecipientKind.Member, member.Id.ToString());
        var catalog = TemplateCatalog.Shipped;
        var scope = new Dictionary<string, object?>
        {
            ["network"] = network.Name,
            ["note"] = note.In(recipient.Language),
            [TemplateCatalog.RecipientVariable] = recipient.TemplateModel(),
        };
        return Outbox.Queue(context, recipient, catalog.Render(catalog.Find(PlanChangeTemplate)!, recipient.Language, scope), NetworkPeople.CoordinatorOf(network));
    }

    private const string PlanChangeTemplate = "plan-change";

    /// <summary>Which request asks about which action: the step's own record of the plan it follows.</summary>
    private static JsonObject Requests(ActivityContext context) => context.Data["requests"]!.AsObject();
}
