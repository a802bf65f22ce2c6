namespace Koostoo.EndToEnd.Tests;

/// <summary>Workflow input for a small network: a coordinator and members in Estonian and English, and SMTP settings for a test server.</summary>
public static class Network
{
    public const string Link = "https://koostoo.example/r/demo-token";

    public static object Input(params object[] members) => new
    {
        networkName = "Kooli võrgustik",
        link = Link,
        coordinator = new { name = "Kati Kask", email = "kati@vald.example", language = "et" },
        members,
    };

    public static object Member(string id, string name, string language, string role = "teacher") =>
        new { id, name, email = $"{id}@kool.example", language, role };

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
