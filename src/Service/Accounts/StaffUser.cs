using Microsoft.AspNetCore.Identity;

namespace Koostoo.Service.Accounts;

/// <summary>
/// A staff account (coordinator or admin). The email is the user name: a coordinator leads the networks that carry
/// her address. A disabled account keeps its row (the audit log and history name it) but cannot sign in, and its
/// sessions and keys stop working at once.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>How pages and the network's history name them; their address when empty.</summary>
    public string DisplayName { get; set; } = "";
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
