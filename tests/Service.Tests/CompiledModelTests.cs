using Koostoo.Service.Accounts;
using Koostoo.Service.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Koostoo.Service.Tests;

/// <summary>
/// The host runs on compiled models (<c>CompiledModels/</c>, made by <c>scripts/compile-models.sh</c>) and applies migrations
/// only when the database lacks one, so two mistakes would no longer show at start-up: a model changed without a
/// migration, and a model changed without compiling it again. A host with either would read and write a schema that is
/// not the database's. Each context is checked against the model its classes describe, built the slow way by EF Core's
/// conventions, as <c>dotnet ef</c> builds it.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Contexts() => [nameof(SqliteKoostooDbContext), nameof(PostgresKoostooDbContext), nameof(SqliteAccountsDbContext), nameof(PostgresAccountsDbContext)];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_context_runs_on_its_compiled_model(string name)
    {
        using var context = Create(name);

        context.Model.GetType().Name.Should().Be(name + "Model", "the compiled model is found by its assembly attribute");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_model_is_the_model_the_classes_describe(string name)
    {
        using var context = Create(name);
        // What EF Core builds from the classes and their configuration when no compiled model is found.
        var described = context.GetService<IModelSource>().GetModel(context, context.GetService<ModelCreationDependencies>(), designTime: false);

        context.Model.ToDebugString(MetadataDebugStringOptions.LongDefault).Should().Be(described.ToDebugString(MetadataDebugStringOptions.LongDefault),
            "the compiled model must be made again after a model change: scripts/compile-models.sh");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_model_has_no_change_without_a_migration(string name)
    {
        using var context = Create(name);

        context.Database.HasPendingModelChanges().Should().BeFalse("every model change needs its migration (dotnet ef migrations add)");
    }

    /// <summary>The same contexts <c>dotnet ef</c> makes, from the design-time factories.</summary>
    private static DbContext Create(string name) => name switch
    {
        nameof(SqliteKoostooDbContext) => new SqliteDesignTimeFactory().CreateDbContext([]),
        nameof(PostgresKoostooDbContext) => new PostgresDesignTimeFactory().CreateDbContext([]),
        nameof(SqliteAccountsDbContext) => new SqliteAccountsDesignTimeFactory().CreateDbContext([]),
        nameof(PostgresAccountsDbContext) => new PostgresAccountsDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
