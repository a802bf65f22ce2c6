using System.Diagnostics;

namespace Koostoo.Benchmarks;

/// <summary>
/// Counts the SQL statements EF Core sends, from its diagnostic events, so that a benchmark can say how many statements
/// one answer costs: the figure "cheaper resumes" is about, and one that does not move with the machine's load.
/// </summary>
public sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private long _count;

    public StatementCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public long Count => Interlocked.Read(ref _count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting"));
    }

    public void OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref _count);

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
