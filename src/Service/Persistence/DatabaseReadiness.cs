namespace Koostoo.Service.Persistence;

/// <summary>
/// Whether this host can serve: the database answers and has every migration this code knows. Once the migrations were
/// seen applied they stay so (nothing un-applies them), so later checks only ask the database to answer.
/// </summary>
public sealed class DatabaseReadiness(IServiceScopeFactory scopes)
{
    private volatile bool _migrated;

    /// <returns>Null when ready, else why not (no personal data: only what the database said).</returns>
    public async Task<string?> WhyNotReadyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<KoostooDbContext>().Database;
        try
        {
            if (!await database.CanConnectAsync(ct)) return "The database does not answer.";
            if (!_migrated)
            {
                var pending = (await database.LackedMigrationsAsync(ct)).Count;
                if (pending > 0) return $"{pending} migration(s) not applied yet.";
                _migrated = true;
            }
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"The database failed: {e.GetType().Name}";
        }
    }
}
