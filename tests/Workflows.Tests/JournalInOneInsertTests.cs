using System.Data.Common;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// A save's journal lines are written in one INSERT beside EF Core's own statements, where the runtime saves (in its
/// transaction, EF Core's automatic savepoints off): the instance's journal still reads as it was logged, line for line
/// and in order, and a save that fails leaves none of its lines behind, whoever undoes it.
/// </summary>
public sealed class JournalInOneInsertTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("koostoo-journal-").FullName;
    private DbContextOptions _options = null!;
    private readonly JournalInserts _inserts = new();

    public async Task InitializeAsync()
    {
        var builder = new DbContextOptionsBuilder<WorkflowDbContext>();
        new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "engine.db")}" }.Configure(builder);
        _options = builder.AddInterceptors(_inserts).Options;
        await using var db = new WorkflowDbContext(_options);
        await db.Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Lines_saved_in_a_transaction_read_back_as_logged_and_in_order_past_one_statements_worth()
    {
        var instance = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        // More than one statement's 500 rows, with every optional field both set and empty.
        var logged = Enumerable.Range(0, 1_201).Select(i => new JournalEntry
        {
            InstanceId = instance,
            // Whole milliseconds: SQLite stores an instant to a tenth of a millisecond.
            At = at.AddMilliseconds(i * 7),
            Event = i % 2 == 0 ? JournalEvent.Completed : JournalEvent.Waiting,
            ActivityId = i % 3 == 0 ? null : $"step-{i}",
            ActivityType = i % 3 == 0 ? null : "AskMembers",
            Outcome = i % 2 == 0 ? "Done" : null,
            Message = i % 5 == 0 ? null : $"rida {i}: õ, ä, ö, ü",
        }).ToList();

        await using (var db = new WorkflowDbContext(_options))
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var line in logged) db.AddJournalLine(line);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        _inserts.Count.Should().Be(3, "1,201 lines go in statements of 500");
        await using var read = new WorkflowDbContext(_options);
        var saved = await read.Journal.AsNoTracking().Where(j => j.InstanceId == instance).OrderBy(j => j.Id).ToListAsync();
        saved.Should().BeEquivalentTo(logged, o => o.Excluding(j => j.Id).WithStrictOrdering());
        saved.Select(j => j.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Lines_of_several_saves_in_one_transaction_keep_the_order_they_were_logged_in()
    {
        var instance = Guid.NewGuid();
        // One moment for all, as under a fixed clock: only the order of logging can order them.
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        var logged = new List<string>();
        await using (var db = new WorkflowDbContext(_options))
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var save = 0; save < 3; save++)
            {
                for (var line = 0; line < 7; line++)
                {
                    logged.Add($"save {save}, line {line}");
                    db.AddJournalLine(new JournalEntry { InstanceId = instance, At = at, Event = JournalEvent.Note, Message = logged[^1] });
                }
                await db.SaveChangesAsync();
            }
            await transaction.CommitAsync();
        }

        await using var read = new WorkflowDbContext(_options);
        (await read.Journal.AsNoTracking().Where(j => j.InstanceId == instance).OrderBy(j => j.Id).Select(j => j.Message).ToListAsync())
            .Should().Equal(logged);
    }

    [Fact]
    public async Task Lines_a_pooled_context_did_not_save_are_not_written_by_its_next_user()
    {
        var instance = Guid.NewGuid();
        var factory = new PooledDbContextFactory<WorkflowDbContext>((DbContextOptions<WorkflowDbContext>)_options);
        var first = factory.CreateDbContext();
        // A dry run: logged, never saved, and let go of.
        first.AddJournalLine(new JournalEntry { InstanceId = instance, At = DateTimeOffset.UtcNow, Event = JournalEvent.InstanceMigrated });
        await first.DisposeAsync();

        await using (var next = factory.CreateDbContext())
        {
            next.Should().BeSameAs(first, "the pool hands out the context it took back");
            next.Database.AutoSavepointsEnabled = false;
            await using var transaction = await next.Database.BeginTransactionAsync();
            next.AddJournalLine(new JournalEntry { InstanceId = instance, At = DateTimeOffset.UtcNow, Event = JournalEvent.InstanceMigrated });
            await next.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        (await LinesOfAsync(instance)).Should().Be(1, "the dry run's line went with the context it was logged in");
    }

    [Fact]
    public async Task A_save_that_fails_in_the_callers_transaction_leaves_no_line_once_rolled_back()
    {
        var instance = await StaleInstanceAsync();
        await using var db = new WorkflowDbContext(_options);
        db.Database.AutoSavepointsEnabled = false;

        await SaveFailsInATransactionAsync(db, instance.Id, transaction => transaction.RollbackAsync());

        _inserts.Count.Should().Be(1, "the lines went in one insert before the save failed");
        (await LinesOfAsync(instance.Id)).Should().Be(0);
    }

    [Fact]
    public async Task A_save_that_fails_in_a_transaction_with_EF_Cores_savepoints_leaves_no_line_when_the_caller_goes_on_and_commits()
    {
        var instance = await StaleInstanceAsync();
        await using var db = new WorkflowDbContext(_options);

        await SaveFailsInATransactionAsync(db, instance.Id, transaction => transaction.CommitAsync());

        (await LinesOfAsync(instance.Id)).Should().Be(0, "EF Core undoes a failed save to its savepoint, and the lines with it");
    }

    /// <summary>Logs and finishes the instance in a transaction, sees the save fail on the revision, then ends the transaction as told.</summary>
    private static async Task SaveFailsInATransactionAsync(WorkflowDbContext db, Guid instanceId,
        Func<IDbContextTransaction, Task> end)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var tracked = await db.Instances.SingleAsync(i => i.Id == instanceId);
        await BumpRevisionBehindTheContextAsync(db, instanceId);
        LogAndFinish(db, tracked);
        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<DbUpdateConcurrencyException>();
        await end(transaction);
    }

    [Fact]
    public async Task A_save_that_fails_without_a_transaction_of_the_callers_leaves_no_line()
    {
        var instance = await StaleInstanceAsync();
        await using var db = new WorkflowDbContext(_options);
        var tracked = await db.Instances.SingleAsync(i => i.Id == instance.Id);
        await BumpRevisionBehindTheContextAsync(db, instance.Id);
        LogAndFinish(db, tracked);

        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<DbUpdateConcurrencyException>();

        (await LinesOfAsync(instance.Id)).Should().Be(0, "the lines were to be saved with the instance's change or not at all");
    }

    private async Task<WorkflowInstance> StaleInstanceAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var instance = new WorkflowInstance
        {
            DefinitionId = "journal-test", DefinitionVersion = 1, Status = InstanceStatus.Suspended, CreatedAt = now, UpdatedAt = now, Revision = 1,
        };
        await using var db = new WorkflowDbContext(_options);
        db.Instances.Add(instance);
        await db.SaveChangesAsync();
        return instance;
    }

    /// <summary>Another writer's resume, committed between this context's read and its save: the revision check fails.</summary>
    private static Task BumpRevisionBehindTheContextAsync(WorkflowDbContext db, Guid id) =>
        db.Instances.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Revision, i => i.Revision + 1));

    private static void LogAndFinish(WorkflowDbContext db, WorkflowInstance instance)
    {
        foreach (var @event in new[] { JournalEvent.Resumed, JournalEvent.Completed, JournalEvent.InstanceFinished })
            db.AddJournalLine(new JournalEntry { InstanceId = instance.Id, At = DateTimeOffset.UtcNow, Event = @event });
        instance.Status = InstanceStatus.Finished;
        instance.Revision++;
    }

    private async Task<int> LinesOfAsync(Guid instance)
    {
        await using var db = new WorkflowDbContext(_options);
        return await db.Journal.CountAsync(j => j.InstanceId == instance);
    }

    /// <summary>Counts the one-insert statements: EF Core's own inserts of a line read its id back, so they are not these.</summary>
    private sealed class JournalInserts : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("INSERT INTO \"journal\"", StringComparison.Ordinal)) Interlocked.Increment(ref Count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
