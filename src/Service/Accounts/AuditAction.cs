namespace Koostoo.Service.Accounts;

/// <summary>The words of the audit log's <see cref="AuditEntry.Action"/>.</summary>
public static class AuditAction
{
    public const string NetworkViewed = "network-viewed";
    public const string NetworkChanged = "network-changed";
    public const string SheetExported = "sheet-exported";
    public const string MemberExported = "member-exported";
    public const string MemberErased = "member-erased";
    public const string DefinitionChanged = "definition-changed";
    public const string UserCreated = "user-created";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string RolesChanged = "roles-changed";
    public const string PasswordChanged = "password-changed";
    public const string KeyCreated = "key-created";
    public const string KeyRevoked = "key-revoked";
    public const string PasskeyAdded = "passkey-added";
    public const string PasskeyRemoved = "passkey-removed";
    public const string AccessGranted = "access-granted";
    public const string AccessWithdrawn = "access-withdrawn";
}
