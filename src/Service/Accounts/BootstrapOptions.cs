namespace Koostoo.Service.Accounts;

/// <summary>
/// The <c>Koostoo:Bootstrap</c> section: the first admin, made at start while no account exists. The password (and
/// the optional key for scripts) come from the environment (<c>Koostoo__Bootstrap__AdminPassword</c>), never from a
/// file in the repository.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Koostoo:Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    /// <summary>
    /// An API key for the first admin, for provisioning scripts and test rigs that start the process and must call the
    /// API before anyone signs in. Stored hashed like every key; revocable on the keys page.
    /// </summary>
    public string? AdminApiKey { get; set; }
}
