using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Persistence;

/// <summary>The service's database on PostgreSQL, with the migrations in Migrations/Postgres.</summary>
public sealed class PostgresKoostooDbContext(DbContextOptions<PostgresKoostooDbContext> options) : KoostooDbContext(options);
