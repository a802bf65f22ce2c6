namespace Koostoo.Networks;

/// <summary>
/// Where people reach the service from their mail (<c>Koostoo:PublicUrl</c>): links in emails are absolute and
/// must point at the address members can open, not at whatever name the host listens on.
/// </summary>
public sealed class PublicLinks
{
    public const string Section = "Koostoo";

    public string PublicUrl { get; set; } = "http://localhost:5000";

    public string Respond(string token) => $"{PublicUrl.TrimEnd('/')}/r/{token}";

    public string Network(Guid networkId) => $"{PublicUrl.TrimEnd('/')}/networks/{networkId}";
}
