using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Host.Pages.Admin;

/// <summary>The audit log: an admin reads all of it, a coordinator the lines of the networks she may read.</summary>
public sealed class AuditModel(AuditLog audit, NetworkAccess access, Actor actor) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<Guid, string> NetworkNames { get; private set; } = [];
    public bool All => actor.IsAdmin;

    public async Task OnGetAsync(Guid? network)
    {
        Entries = await audit.ReadAsync(actor, network, ct: HttpContext.RequestAborted);
        var ids = Entries.Where(e => e.NetworkId is not null).Select(e => e.NetworkId!.Value).Distinct().ToList();
        NetworkNames = await access.Readable(actor).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, HttpContext.RequestAborted);
    }

    public string Words(string action) => action switch
    {
        AuditAction.NetworkViewed => Request.T("vaatas võrgustikku", "viewed the network"),
        AuditAction.NetworkChanged => Request.T("muutis võrgustikku", "changed the network"),
        AuditAction.SheetExported => Request.T("võttis töölehe", "exported a work sheet"),
        AuditAction.MemberExported => Request.T("võttis liikme andmed", "exported a member's data"),
        AuditAction.MemberErased => Request.T("kustutas liikme andmed", "erased a member's data"),
        AuditAction.DefinitionChanged => Request.T("muutis töövoogu", "changed a workflow definition"),
        AuditAction.UserCreated => Request.T("lõi konto", "made an account"),
        AuditAction.UserDisabled => Request.T("lülitas konto välja", "disabled an account"),
        AuditAction.UserEnabled => Request.T("lülitas konto sisse", "enabled an account"),
        AuditAction.RolesChanged => Request.T("muutis rolle", "changed roles"),
        AuditAction.PasswordChanged => Request.T("muutis parooli", "changed a password"),
        AuditAction.KeyCreated => Request.T("lõi API võtme", "made an API key"),
        AuditAction.KeyRevoked => Request.T("tühistas API võtme", "revoked an API key"),
        AuditAction.PasskeyAdded => Request.T("lisas pääsuvõtme", "added a passkey"),
        AuditAction.PasskeyRemoved => Request.T("eemaldas pääsuvõtme", "removed a passkey"),
        AuditAction.AccessGranted => Request.T("andis ligipääsu", "gave access"),
        AuditAction.AccessWithdrawn => Request.T("võttis ligipääsu", "withdrew access"),
        _ => action,
    };
}
