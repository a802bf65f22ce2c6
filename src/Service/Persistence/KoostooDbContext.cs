using Koostoo.Activities.Networks;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Persistence;

/// <summary>
/// The service's database: the network's model as its activities see it (<see cref="NetworkDbContext"/>), nothing added.
/// Abstract because migrations are per provider (EF's way for one model on two providers): <see cref="SqliteKoostooDbContext"/>
/// and <see cref="PostgresKoostooDbContext"/> each carry their own migration history; the rest of the code asks for this type.
/// </summary>
public abstract class KoostooDbContext(DbContextOptions options) : NetworkDbContext(options);
