namespace Koostoo.Host.Tests;

/// <summary>Roles' move from a column per language to one of every language, on SQLite: <see cref="RolesMigrationScenario"/>.</summary>
public sealed class RolesMigrationTests : IDisposable
{
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public Task An_upgraded_database_keeps_the_roles_members_took_in_both_languages() =>
        RolesMigrationScenario.RolesKeepTheirNamesAsync(_host);
}
