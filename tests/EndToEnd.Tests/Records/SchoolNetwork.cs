using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Records;

/// <summary>The school's network of eight members from seven fields, on the shipped lifecycle, as the records tests launch it.</summary>
public static class SchoolNetwork
{
    /// <summary>Member i's sector: two from education and two from social work, so a field's answers are seen together.</summary>
    public static readonly string[] Sectors = ["Social", "Education", "Health", "Youth", "Education", "Ngo", "Social", "TargetGroup"];

    public static async Task<Guid> LaunchAsync(HttpClient api)
    {
        var response = await api.PostAsJsonAsync("/api/networks", new
        {
            name = "Kooli võrgustik",
            purpose = "Vähendada koolist väljalangemist vallas",
            coordinatorName = "Kati Kask",
            coordinatorEmail = AskScenario.CoordinatorEmail,
            definitionId = "network-lifecycle",
            members = Enumerable.Range(1, 8).Select(i => new { name = $"Liige {i}", email = AskScenario.Email(i), sector = Sectors[i - 1] }),
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
