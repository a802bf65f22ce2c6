using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.History;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Host.Tests;

/// <summary>
/// A database the service left at the NetworkRecords migration, when history rows were finished sentences, upgraded
/// by the real host: every old row reads as it did, with its actor where the sentence shows one, and rows written
/// after it are events told in the reader's language. Run on each provider, since each has its own SQL.
/// </summary>
public static class HistoryMigrationScenario
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Oldest first, as the old service wrote them; the last one holds what JSON must escape.</summary>
    private static readonly (string Et, string En)[] OldRows =
    [
        ("Võrgustik loodi, kutsuti 2 liiget.", "The network was launched; 2 members invited."),
        ("Koordinaator sulges sammu: „Kas osaled võrgustikus?“.", "The coordinator closed the step: “Will you take part in the network?”."),
        ("Mari Maasikas: tegevus „Kodukülastus“ on tehtud.", "Mari Maasikas: the action \"Kodukülastus\" is done."),
        ("Kohtumise „Kevad \"suur\" \\ kokku“ memo kirjutati.", "The memo of the meeting \"Kevad \"suur\" \\ kokku\" was written."),
    ];

    public static async Task OldRowsSurviveAndNewOnesNameTheirActorAsync(KoostooHost host)
    {
        var networkId = await SeedAtPreviousMigrationAsync(host);

        // The host's start applies the pending migration, as an upgrade in place does.
        var client = host.Client;
        await using (var scope = host.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database.GetAppliedMigrationsAsync())
                .Should().Contain(m => m.EndsWith("_HistoryEvents", StringComparison.Ordinal), "the upgrade applied the history's migration");

        var et = (await client.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}"))!["history"]!.AsArray();
        Lines(et).Should().Equal(
            (null, OldRows[3].Et),
            ("Mari Maasikas", OldRows[2].Et),
            ("Koordinaator", OldRows[1].Et),
            (null, OldRows[0].Et));
        et.Select(h => h!["at"]!.GetValue<DateTimeOffset>()).Should().Equal(Enumerable.Range(0, OldRows.Length).Reverse().Select(At), "the moments are kept");
        var en = (await client.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}?lang=en"))!["history"]!.AsArray();
        Lines(en).Should().Equal(
            (null, OldRows[3].En),
            ("Mari Maasikas", OldRows[2].En),
            ("The coordinator", OldRows[1].En),
            (null, OldRows[0].En));

        await using (var scope = host.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Set<HistoryEntry>().Where(h => h.NetworkId == networkId).ToListAsync())
                .Should().OnlyContain(h => h.Kind == HistoryKind.Recorded);

        await ANewExtendNamesTheCoordinatorAsync(client);
    }

    private static async Task<Guid> SeedAtPreviousMigrationAsync(KoostooHost host)
    {
        await using var db = host.NewDbContext();
        var previous = db.Database.GetMigrations().Single(m => m.EndsWith("_NetworkRecords", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(previous);
        // The networks table is the same at both migrations, so the network itself can go in through the model.
        var network = new Network
        {
            Name = "Vana võrgustik", Purpose = "Enne ajaloo sündmusi", CoordinatorName = "Kati Kask", CoordinatorEmail = "kati@vald.example",
            WorkflowDefinitionId = "network-lifecycle", CreatedAt = Start,
        };
        db.Add(network);
        await db.SaveChangesAsync();
        // A time as this provider stores it: SQLite's as a number, PostgreSQL's as timestamptz.
        var converter = db.Model.FindEntityType(typeof(HistoryEntry))!.FindProperty(nameof(HistoryEntry.At))!.GetTypeMapping().Converter;
        for (var i = 0; i < OldRows.Length; i++)
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO network_history ("NetworkId", "At", "Et", "En") VALUES ({0}, {1}, {2}, {3})""",
                network.Id, converter?.ConvertToProvider(At(i)) ?? At(i), OldRows[i].Et, OldRows[i].En);
        return network.Id;
    }

    /// <summary>The local coordinator (no name until accounts exist) extends the first step: told by the role word, in either language.</summary>
    private static async Task ANewExtendNamesTheCoordinatorAsync(HttpClient client)
    {
        var launched = await client.PostAsJsonAsync("/api/networks", new
        {
            name = "Uus võrgustik", purpose = "Vähendada koolist väljalangemist vallas", coordinatorName = "Kati Kask", coordinatorEmail = "kati@vald.example",
            members = new[]
            {
                new { name = "Mari Maasikas", email = "mari@kool.example", language = "et", sector = "Education" },
                new { name = "John Smith", email = "john@ngo.example", language = "en", sector = "Ngo" },
            },
        });
        launched.EnsureSuccessStatusCode();
        var id = (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await client.PostAsJsonAsync($"/api/networks/{id}/steps/invite/extend", new { by = "P2D" })).EnsureSuccessStatusCode();

        var et = (await client.GetFromJsonAsync<JsonObject>($"/api/networks/{id}"))!["history"]!.AsArray();
        Lines(et).First().Should().Be(("Koordinaator", "Koordinaator: Tähtaega pikendati 2 päeva võrra: „Kutse võrgustikku: kas osaled?“."));
        var en = (await client.GetFromJsonAsync<JsonObject>($"/api/networks/{id}?lang=en"))!["history"]!.AsArray();
        Lines(en).First().Should().Be(("The coordinator", "The coordinator: The deadline was extended by 2 days: “Invitation to the network: will you take part?”."));
    }

    private static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    private static List<(string? Actor, string Text)> Lines(JsonArray history) =>
        history.Select(h => (h!["actor"]?.GetValue<string>(), h["text"]!.GetValue<string>())).ToList();
}
