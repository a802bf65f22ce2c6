using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Koostoo.Workflows.Runtime;

/// <summary>
/// The engine's own meters and traces (meter and activity source <see cref="Name"/>): resumes by outcome, how many
/// resumes each transaction carried, how late timers fired. Exported by whatever the host configures (docs/operations.md);
/// without a listener they cost next to nothing.
/// </summary>
public sealed class WorkflowMetrics
{
    public const string Name = "Koostoo.Workflows";

    /// <summary>A trace span per batch transaction; the EF Core instrumentation hangs its statements under it.</summary>
    public static readonly ActivitySource Traces = new(Name);

    private readonly Counter<long> _resumes;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _timerLateness;

    /// <param name="meters">The host's meter factory; none in a bare engine (tests, benchmarks), which then owns its meter.</param>
    public WorkflowMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(Name) ?? new Meter(Name);
        _resumes = meter.CreateCounter<long>("koostoo.resumes", "{resume}", "Stimuli delivered to a bookmark, by outcome (Resumed, AlreadyResumed, ...)");
        _batchSize = meter.CreateHistogram<int>("koostoo.resume.batch_size", "{resume}", "Resumes carried by one transaction");
        _timerLateness = meter.CreateHistogram<double>("koostoo.timer.lateness", "s", "How long after its due moment a timer fired");
    }

    public void Resumed(ResumeStatus status) => _resumes.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    public void Batch(int size) => _batchSize.Record(size);

    public void TimerFired(TimeSpan late) => _timerLateness.Record(Math.Max(0, late.TotalSeconds));
}
