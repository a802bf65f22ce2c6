using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Persistence;

/// <summary>The service's database on SQLite, with the migrations in Migrations/Sqlite.</summary>
public sealed class SqliteKoostooDbContext(DbContextOptions<SqliteKoostooDbContext> options) : KoostooDbContext(options);
