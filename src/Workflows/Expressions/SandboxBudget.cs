using Koostoo.Language;
using System.Diagnostics;

namespace Koostoo.Workflows.Expressions;

/// <summary>
/// How long the expressions and templates of one workflow transaction may run together. A transaction holds the
/// process's SQLite writer queue, so whatever runs in it stalls every other network's answer for that long: each run
/// gets at most what is left (docs/security.md). Ambient, so that a template rendered deep inside an activity counts too.
/// </summary>
public sealed class SandboxBudget
{
    private static readonly AsyncLocal<SandboxBudget?> Ambient = new();
    private readonly TimeSpan _limit;
    private TimeSpan _spent;

    private SandboxBudget(TimeSpan limit) => _limit = limit;

    /// <summary>The budget of the transaction running now; none outside one (a definition being checked, a test).</summary>
    public static SandboxBudget? Current => Ambient.Value;

    /// <summary>Starts a transaction's budget for the code that follows in this async flow.</summary>
    public static void Begin(TimeSpan limit) => Ambient.Value = new SandboxBudget(limit);

    /// <summary>The time a run may take: its own limit, or less when the transaction has spent most of its budget.</summary>
    /// <exception cref="ExpressionException">Nothing is left.</exception>
    public static TimeSpan Allow(TimeSpan ownLimit, string what)
    {
        if (Current is not { } budget) return ownLimit;
        var left = budget._limit - budget._spent;
        if (left <= TimeSpan.Zero)
            throw new ExpressionException(Words.Current["Expressions.SandboxBudget.WasNotRunThisStepS", what, budget._limit.TotalSeconds].Value);
        return left < ownLimit ? left : ownLimit;
    }

    /// <summary>Counts a run's time against the transaction's budget.</summary>
    public static T Measure<T>(Func<T> run)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return run();
        }
        finally
        {
            if (Current is { } budget) budget._spent += Stopwatch.GetElapsedTime(started);
        }
    }
}
