using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koostoo.Workflows.Persistence;

/// <summary>Failures that mean "someone else wrote first; read again and retry", as opposed to real errors.</summary>
public static class TransientConflict
{
    public static bool Is(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        // SQLITE_BUSY / SQLITE_LOCKED outlasting the busy timeout.
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        // serialization_failure, deadlock_detected, unique_violation of a concurrent insert.
        PostgresException { SqlState: "40001" or "40P01" } => true,
        _ => e.InnerException is not null && Is(e.InnerException),
    };
}
