using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// A query EF Core compiles once, for each model it runs against. EF Core binds a compiled query to the first model it
/// meets and refuses any other, and one process can hold several: SQLite's and PostgreSQL's (the host's tests run
/// both), or two hosts' own.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
