namespace Koostoo.Host.Tests;

/// <summary>Timers fired by the real Hangfire server in the real host over SQLite, in real time.</summary>
public sealed class TimerTests : IDisposable
{
    private readonly KoostooHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public Task A_two_second_delay_completes() => TimerScenarios.TwoSecondDelayCompletesAsync(_host);

    // Starting 1,000 instances takes a few seconds alone on two cores; 40 s leaves room for a busy machine.
    [Fact]
    public Task A_thousand_timers_due_at_the_same_moment_all_fire_each_exactly_once() =>
        TimerScenarios.TimersDueAtOneMomentFireOnceAsync(_host, 1_000, margin: TimeSpan.FromSeconds(40), offset: TimeSpan.Zero);
}
