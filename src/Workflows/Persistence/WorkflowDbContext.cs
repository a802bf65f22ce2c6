using Koostoo.Workflows.Bookmarks;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Journal;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Koostoo.Workflows.Persistence;

/// <summary>
/// The engine's tables. The service's own context derives from this one and adds its tables, so that
/// workflow state, bookmarks, journal and the service's rows (outbox, answers) commit in one transaction.
/// </summary>
public class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionVersion> DefinitionVersions => Set<DefinitionVersion>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    /// <summary>
    /// Journal lines logged and not saved yet, in the order they were logged. The next save writes them
    /// (<see cref="JournalInOneInsert"/>); kept out of the change tracker, they cost EF Core nothing to track and let go
    /// of, which was a tenth of a due timer's resume (docs/scale.md, Due timers).
    /// </summary>
    internal List<JournalEntry> UnsavedJournal { get; } = [];

    /// <summary>Adds a line to its instance's journal, saved by the next save.</summary>
    public void AddJournalLine(JournalEntry line) => UnsavedJournal.Add(line);

    /// <summary>Forgets all that is not saved, tracked changes and journal lines alike: what a rolled-back resume leaves.</summary>
    public void ForgetUnsaved()
    {
        ChangeTracker.Clear();
        UnsavedJournal.Clear();
    }

    // The host pools its contexts: EF Core forgets a context's tracked changes when it goes back to the pool, and the
    // journal lines it did not save (a dry run's, a failed unit of work's) must go with them, not to its next user.
    public override void Dispose()
    {
        UnsavedJournal.Clear();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        UnsavedJournal.Clear();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite stores DateTimeOffset as text it cannot compare; as a number (all values are UTC) it sorts and indexes.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionVersion>(e =>
        {
            e.ToTable("definition_versions");
            e.HasKey(d => new { d.DefinitionId, d.Version });
            e.Property(d => d.DefinitionId).HasMaxLength(100);
            e.Property(d => d.Name).HasMaxLength(300);
        });
        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.DefinitionId).HasMaxLength(100);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.Property(i => i.Result).HasMaxLength(100);
            e.Property(i => i.CurrentStage).HasMaxLength(100);
            e.Property(i => i.FaultedActivityId).HasMaxLength(100);
            e.Ignore(i => i.IsActive);
            e.HasIndex(i => new { i.DefinitionId, i.Status });
        });
        modelBuilder.Entity<Bookmark>(e =>
        {
            e.ToTable("bookmarks");
            e.HasKey(b => b.Id);
            e.Property(b => b.ActivityId).HasMaxLength(100);
            e.Property(b => b.Key).HasMaxLength(200);
            e.HasIndex(b => new { b.InstanceId, b.ConsumedAt });
            // The timer sweep asks: which unconsumed timers are due?
            e.HasIndex(b => new { b.Kind, b.ConsumedAt, b.DueAt });
        });
        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("journal");
            e.HasKey(j => j.Id);
            e.Property(j => j.ActivityId).HasMaxLength(100);
            e.Property(j => j.ActivityType).HasMaxLength(100);
            e.Property(j => j.Outcome).HasMaxLength(100);
            e.HasIndex(j => new { j.InstanceId, j.Id });
        });
    }
}
