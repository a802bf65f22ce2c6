using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// WAL and synchronous=NORMAL on every SQLite connection: synchronous is per connection and its
/// default FULL halves the write rate (DESIGN.md, measured); WAL keeps readers off writers' backs.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }
}
