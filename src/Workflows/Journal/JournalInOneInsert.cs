using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Koostoo.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Koostoo.Workflows.Journal;

/// <summary>
/// A save's new journal lines (<see cref="WorkflowDbContext.AddJournalLine"/>) go to the database in one multi-row INSERT,
/// not one INSERT each: a resume writes four to six lines, which were most of its statements, and EF Core prepares, sends
/// and reads back (the generated id) each one on its own. The lines are append-only and nothing reads them back after the
/// save, so they are written just before EF Core's own statements, in the same transaction, and never tracked.
/// Only where a failed save is the caller's to undo: in the caller's transaction with EF Core's automatic savepoints off,
/// as the runtime's transactions are (a failed save there is rolled back to the resume's own savepoint, or the whole
/// transaction is). Elsewhere the lines are handed to EF Core to save itself: without a transaction it wraps everything in
/// one, and with automatic savepoints it undoes a failed save to its savepoint, which is taken after this insert and
/// would not undo it. Measured in docs/scale.md (Journal lines in one statement).
/// </summary>
public sealed class JournalInOneInsert : SaveChangesInterceptor
{
    /// <summary>Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement.</summary>
    private const int RowsPerStatement = 500;

    private static readonly ConcurrentDictionary<IModel, JournalTable> Tables = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WorkflowDbContext { UnsavedJournal.Count: > 0 } db)
        {
            // Taken whether the save succeeds or not: a failed save's lines go with the transaction or savepoint that undoes it.
            var lines = db.UnsavedJournal.ToList();
            db.UnsavedJournal.Clear();
            if (db.Database is { CurrentTransaction: not null, AutoSavepointsEnabled: false })
                for (var from = 0; from < lines.Count; from += RowsPerStatement)
                    await InsertAsync(db, lines.GetRange(from, Math.Min(RowsPerStatement, lines.Count - from)), cancellationToken);
            else
                db.Journal.AddRange(lines);
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>In the order they were logged, which their ids then keep.</summary>
    private static async Task InsertAsync(DbContext db, List<JournalEntry> lines, CancellationToken ct)
    {
        var table = Tables.GetOrAdd(db.Model, model => JournalTable.Of(model, db.GetService<ISqlGenerationHelper>()));
        var sql = new StringBuilder(table.InsertInto);
        var parameters = new List<DbParameter>(lines.Count * table.Columns.Count);
        // Parameters are made by each column's own type mapping (its value converter included), so that a line is stored
        // exactly as EF Core would have stored it; a command of the context's connection only serves to create them.
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        for (var row = 0; row < lines.Count; row++)
        {
            sql.Append(row == 0 ? " VALUES (" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var name = $"j{row}_{c}";
                if (c > 0) sql.Append(", ");
                sql.Append(table.Sql.GenerateParameterNamePlaceholder(name));
                parameters.Add(column.Mapping.CreateParameter(factory, table.Sql.GenerateParameterName(name),
                    column.Property.GetGetter().GetClrValueUsingContainingEntity(lines[row]), column.Property.IsNullable));
            }
            sql.Append(')');
        }
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
    }

    private sealed record JournalColumn(string Name, IProperty Property, RelationalTypeMapping Mapping);

    /// <summary>The journal's table and the columns an insert sets (all but the generated id), from the model.</summary>
    private sealed record JournalTable(string InsertInto, IReadOnlyList<JournalColumn> Columns, ISqlGenerationHelper Sql)
    {
        public static JournalTable Of(IModel model, ISqlGenerationHelper sql)
        {
            var mapping = model.FindEntityType(typeof(JournalEntry))!.GetTableMappings().Single();
            var columns = mapping.ColumnMappings.Where(m => m.Property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
                .Select(m => new JournalColumn(m.Column.Name, m.Property, m.TypeMapping)).ToList();
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
            return new($"INSERT INTO {sql.DelimitIdentifier(mapping.Table.Name, mapping.Table.Schema)} ({names})", columns, sql);
        }
    }
}
