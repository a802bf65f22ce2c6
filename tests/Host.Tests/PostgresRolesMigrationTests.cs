namespace Koostoo.Host.Tests;

/// <summary>Roles' move from a column per language to one of every language, on PostgreSQL: <see cref="RolesMigrationScenario"/>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRolesMigrationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private KoostooHost _host = null!;

    public async Task InitializeAsync() => _host = KoostooHost.OverPostgres(await postgres.Server.CreateDatabaseAsync());

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public Task An_upgraded_database_keeps_the_roles_members_took_in_both_languages() =>
        RolesMigrationScenario.RolesKeepTheirNamesAsync(_host);
}
