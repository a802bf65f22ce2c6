using Koostoo.Language;
using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Pages.Admin;

/// <summary>The audit log: an admin reads all of it, a coordinator the lines of the networks she may read.</summary>
public sealed class AuditModel(AuditLog audit, NetworkAccess access, Actor actor) : PageModel
{
    private Words W => Words.In(UiLanguage.Of(Request));

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<Guid, string> NetworkNames { get; private set; } = [];
    public bool All => actor.IsAdmin;

    public async Task OnGetAsync(Guid? network)
    {
        Entries = await audit.ReadAsync(actor, network, ct: HttpContext.RequestAborted);
        var ids = Entries.Where(e => e.NetworkId is not null).Select(e => e.NetworkId!.Value).Distinct().ToList();
        NetworkNames = await access.Readable(actor).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, HttpContext.RequestAborted);
    }

    public string ActionWords(string action) => action switch
    {
        AuditAction.NetworkViewed => W["Admin.Audit.ViewedTheNetwork"],
        AuditAction.NetworkChanged => W["Admin.Audit.ChangedTheNetwork"],
        AuditAction.SheetExported => W["Admin.Audit.ExportedAWorkSheet"],
        AuditAction.MemberExported => W["Admin.Audit.ExportedAMemberSData"],
        AuditAction.MemberErased => W["Admin.Audit.ErasedAMemberSData"],
        AuditAction.DefinitionChanged => W["Admin.Audit.ChangedAWorkflowDefinition"],
        AuditAction.UserCreated => W["Admin.Audit.MadeAnAccount"],
        AuditAction.UserDisabled => W["Admin.Audit.DisabledAnAccount"],
        AuditAction.UserEnabled => W["Admin.Audit.EnabledAnAccount"],
        AuditAction.RolesChanged => W["Admin.Audit.ChangedRoles"],
        AuditAction.PasswordChanged => W["Admin.Audit.ChangedAPassword"],
        AuditAction.KeyCreated => W["Admin.Audit.MadeAnAPIKey"],
        AuditAction.KeyRevoked => W["Admin.Audit.RevokedAnAPIKey"],
        AuditAction.PasskeyAdded => W["Admin.Audit.AddedAPasskey"],
        AuditAction.PasskeyRemoved => W["Admin.Audit.RemovedAPasskey"],
        AuditAction.AccessGranted => W["Admin.Audit.GaveAccess"],
        AuditAction.AccessWithdrawn => W["Admin.Audit.WithdrewAccess"],
        _ => action,
    };
}
