namespace Koostoo.EndToEnd.Tests;

/// <summary>SMTP settings for a test server.</summary>
public static class Network
{
    public static Dictionary<string, string?> Smtp(int port, int maxAttempts = 8) => new()
    {
        ["Koostoo:Mail:Transport"] = "Smtp",
        ["Koostoo:Mail:Smtp:Host"] = "127.0.0.1",
        ["Koostoo:Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Koostoo:Mail:Smtp:Security"] = "None",
        ["Koostoo:Mail:Smtp:Timeout"] = "00:00:05",
        ["Koostoo:Mail:Retry:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Koostoo:Mail:Retry:Lease"] = "00:00:30",
    };
}
