namespace Koostoo.Host.Tests;

/// <summary>
/// One PostgreSQL server for every test class in the <see cref="PostgresCollection"/>, started before the first and
/// stopped after the last; each test makes a database of its own on it. Without PostgreSQL's programs the tests fail
/// with the message saying what to install, rather than being skipped unnoticed.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>
/// The test classes that share the <see cref="PostgresFixture"/>'s server. They run one after another and after the other
/// classes, never beside them: Hangfire keeps its logger in a static that points at the last host's logger factory, so a
/// host starting while another is disposed can fail (Hangfire issue #2147); and on two cores their timings stay honest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
