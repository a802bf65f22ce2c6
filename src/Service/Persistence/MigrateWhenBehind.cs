using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Koostoo.Service.Persistence;

public static class MigrateWhenBehind
{
    /// <summary>
    /// Applies the migrations the database lacks, and does nothing more when it lacks none. EF Core's own
    /// <c>MigrateAsync</c> first compares the code's model with the last migration's snapshot, building both from their
    /// conventions even when the host runs on a compiled model; on compiled models, skipping that comparison took about
    /// 0.6 s off a 3.4 s start (docs/scale.md, Start to ready). Reading the migration history is one small query. That
    /// the model and the migrations agree is held by a test instead (CompiledModelTests).
    /// </summary>
    public static async Task MigrateWhenBehindAsync(this DatabaseFacade database, CancellationToken ct)
    {
        if ((await database.GetPendingMigrationsAsync(ct)).Any()) await database.MigrateAsync(ct);
    }
}
