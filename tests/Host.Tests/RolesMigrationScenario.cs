using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koostoo.Networks;
using Koostoo.Networks.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Koostoo.Host.Tests;

/// <summary>
/// A database the service left when roles had one column per language (RoleEt, RoleEn), upgraded by the real host: the
/// role a member took still reads in Estonian and English, and a Russian reader gets the Estonian until the network
/// names roles anew. Run on each provider, since each has its own SQL.
/// </summary>
public static class RolesMigrationScenario
{
    public static async Task RolesKeepTheirNamesAsync(KoostooHost host)
    {
        var networkId = await SeedAtPreviousMigrationAsync(host);

        async Task<string?> RoleIn(string? lang) =>
            (await host.Client.GetFromJsonAsync<JsonObject>($"/api/networks/{networkId}{(lang is null ? "" : $"?lang={lang}")}"))!
                ["members"]!.AsArray().Single()!["role"]?.GetValue<string>();

        (await RoleIn(null)).Should().Be("Juht");
        (await RoleIn("en")).Should().Be("Leader");
        (await RoleIn("ru")).Should().Be("Juht", "a role named before Russian reads in Estonian, the language every text falls back to");
    }

    private static async Task<Guid> SeedAtPreviousMigrationAsync(KoostooHost host)
    {
        await using var db = host.NewDbContext();
        var previous = db.Database.GetMigrations().Single(m => m.EndsWith("_NetworkReviews", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(previous);
        // The networks table is the same at both migrations, so the network itself can go in through the model.
        var network = new Network
        {
            Name = "Vana võrgustik", Purpose = "Enne kolme keelt", CoordinatorName = "Kati Kask", CoordinatorEmail = "kati@vald.example",
            WorkflowDefinitionId = "network-lifecycle", CreatedAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        };
        db.Add(network);
        await db.SaveChangesAsync();
        var converter = db.Model.FindEntityType(typeof(Member))!.FindProperty(nameof(Member.AddedAt))!.GetTypeMapping().Converter;
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO members ("Id", "NetworkId", "Name", "Email", "Language", "Sector", "Status", "AddedAt", "Role", "RoleEt", "RoleEn")
            VALUES ({0}, {1}, 'Mari Maasikas', 'mari@kool.example', 'et', 'Education', 'Accepted', {2}, 'leader', 'Juht', 'Leader')
            """,
            Guid.NewGuid(), network.Id, converter?.ConvertToProvider(network.CreatedAt) ?? network.CreatedAt);
        return network.Id;
    }
}
