using Koostoo.Workflows.Persistence;
using Npgsql;

namespace Koostoo.Service.Persistence;

/// <summary>
/// What start-up changes in the database (migrations, the import of <c>workflows/</c>) runs under one PostgreSQL advisory
/// lock, so hosts started together take turns: the first migrates and imports, the next find nothing left to do. The lock
/// belongs to a connection of its own and ends with it, also when a host dies holding it. SQLite has one host and needs none.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>One number for Koostöö's start-up in the database's advisory-lock space ("Koostoo" in ASCII).</summary>
    private const long Key = 0x4B6F6F73746F6F;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> TakeAsync(DatabaseOptions database, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres) return new StartupLock(null);
        var connection = new NpgsqlConnection(database.PostgresConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(ct);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        // Closing the session releases its advisory locks; with pooling the connection stays open, so unlock first.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
