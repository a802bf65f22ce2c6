using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Koostoo.EndToEnd.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.EndToEnd.Tests.Operations;

/// <summary>What an operator watches: the service's own meters as a collector reads them, and the health endpoints.</summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_meters_count_answers_resumes_and_batches_and_show_the_outbox_empty_once_mail_is_sent()
    {
        var scenario = new AskScenario(_app);
        await scenario.PublishAsync(AskScenario.Definition());
        await scenario.LaunchAsync(12);
        var links = await scenario.LinksAsync();

        // A collector of this host's meters only: other hosts in the test run have meters of the same names.
        var factory = _app.Services.GetRequiredService<IMeterFactory>();
        var sums = new ConcurrentDictionary<string, double>();
        var tagged = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name.StartsWith("Koostoo.", StringComparison.Ordinal) && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags) tagged.AddOrUpdate($"{instrument.Name}/{tag.Key}={tag.Value}", value, (_, sum) => sum + value);
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        var answers = await Task.WhenAll(links.Values.Select(link => scenario.AnswerAsync(link, join: true)));
        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect);
        await _app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        sums.Remove("koostoo.outbox.depth", out _);
        sums.Remove("koostoo.outbox.age", out _);
        listener.RecordObservableInstruments();

        tagged.GetValueOrDefault("koostoo.answers/result=Saved").Should().Be(12);
        tagged.GetValueOrDefault("koostoo.answers/channel=WebForm").Should().Be(12);
        tagged.GetValueOrDefault("koostoo.resumes/status=Resumed").Should().BeGreaterThanOrEqualTo(12, "each answer resumed its step");
        sums.GetValueOrDefault("koostoo.resume.batch_size").Should().BeGreaterThanOrEqualTo(12, "every resume went through a batch");
        sums.Should().ContainKey("koostoo.outbox.depth").WhoseValue.Should().Be(0, "every mail was sent");
        sums.Should().ContainKey("koostoo.outbox.age").WhoseValue.Should().Be(0);
    }

    [Fact]
    public async Task Health_says_live_and_ready_once_the_database_answers_with_its_migrations_applied()
    {
        using var client = _app.CreateClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task A_host_without_the_worker_role_over_sqlite_refuses_to_start_saying_why()
    {
        using var folder = new TempFolder();
        await using var webOnly = new KoostooApp(folder, new Dictionary<string, string?> { ["Koostoo:Roles"] = "Web" });
        FluentActions.Invoking(() => webOnly.CreateClient()).Should().Throw<InvalidOperationException>()
            .WithMessage("*Koostoo:Roles*PostgreSQL*");
    }
}
