using System.Text.Json;
using System.Text.Json.Nodes;
using Koostoo.Activities.Control;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
using Koostoo.Networks;
using Koostoo.Networks.Members;
using Koostoo.Workflows;
using Koostoo.Workflows.Definitions;
using Koostoo.Workflows.Persistence;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koostoo.Activities.Tests;

/// <summary>SendEmail run by the engine over a real SQLite file: what lands in the outbox, and when delivery hears of it.</summary>
public sealed class SendEmailTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("koostoo-sendemail-").FullName;
    private readonly RecordingDelivery _delivery = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<NetworkDbContext>(o => new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "k.db")}" }.Configure(o));
        services.AddScoped<WorkflowDbContext>(s => s.GetRequiredService<NetworkDbContext>());
        services.AddSingleton<IMailDelivery>(_delivery);
        services.AddWorkflowEngine(typeof(If).Assembly);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NetworkDbContext>().Database.EnsureCreatedAsync();
    }

    private async Task<WorkflowInstance> RunAsync(object sendInputs, bool withNetwork = true)
    {
        var json = JsonSerializer.Serialize(new
        {
            id = "mail",
            name = "Kiri",
            activities = new object[] { new { id = "send", type = "SendEmail", inputs = sendInputs }, new { id = "end", type = "Finish" } },
            connections = new[] { new { from = "send", outcome = "Done", to = "end" } },
        });
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(json);
        // People written into the input are no one's: only the network's own tables are (the relay test below).
        var input = JsonNode.Parse("""
            {
              "networkName": "Kooli võrgustik",
              "coordinator": { "name": "Võõras", "email": "stranger@elsewhere.example", "language": "et" },
              "members": [ { "id": "x", "name": "Võõras", "email": "stranger@elsewhere.example", "language": "et" } ]
            }
            """)!.AsObject();
        return await _services.GetRequiredService<WorkflowRuntime>().StartAsync("mail", input, withNetwork ? (db, instance) =>
        {
            db.Add(new Network
            {
                Name = "Kooli võrgustik", Purpose = "Koolist väljalangemise vähendamine", CoordinatorName = "Kati", CoordinatorEmail = "kati@vald.example",
                WorkflowInstanceId = instance.Id, WorkflowDefinitionId = "mail",
                Members =
                [
                    new Member { Id = Mari, Name = "Mari", Email = "mari@kool.example", Language = "et" },
                    new Member { Name = "John", Email = "john@kool.example", Language = "en" },
                ],
            });
            return Task.CompletedTask;
        } : null);
    }

    private static readonly Guid Mari = Guid.NewGuid();

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NetworkDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Each_recipient_gets_a_pending_row_in_their_language_delivered_after_commit()
    {
        var instance = await RunAsync(new
        {
            to = new[] { "members", "coordinator" },
            template = "notice",
            model = new { network = "{{ variables.networkName }}", title = new { et = "Kohtumine", en = "Meeting" }, message = "Neljapäeval kell 10.", link = "https://koostoo.example/n/1" },
            attachments = new[] { new { fileName = "kohtumine.ics", contentType = "text/calendar; method=REQUEST", content = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" } },
        });

        instance.Status.Should().Be(InstanceStatus.Finished);
        var rows = await OutboxAsync();
        rows.Should().HaveCount(3).And.OnlyContain(r => r.Status == OutboxStatus.Pending && r.Attempts == 0 && r.InstanceId == instance.Id && r.ActivityId == "send");
        rows.Single(r => r.ToAddress == "john@kool.example").Should().Match<OutboxMessage>(r => r.Language == "en" && r.Subject == "Kooli võrgustik: Meeting");
        rows.Single(r => r.ToAddress == "mari@kool.example").Should().Match<OutboxMessage>(r => r.Language == "et" && r.Subject == "Kooli võrgustik: Kohtumine");
        rows.Select(r => r.MessageId).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.EndsWith("@vald.example"));
        rows.Should().OnlyContain(r => r.Attachments != null && r.Attachments.Contains("kohtumine.ics"));
        _delivery.Delivered.Should().BeEquivalentTo(rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_recipient_that_cannot_be_honoured_faults_the_step_and_queues_nothing()
    {
        var instance = await RunAsync(new { to = new[] { "members", "member:ghost" }, subject = "Teema", body = "Sisu" });

        instance.Status.Should().Be(InstanceStatus.Faulted);
        instance.Fault.Should().Contain("'ghost'");
        (await OutboxAsync()).Should().BeEmpty();
        _delivery.Delivered.Should().BeEmpty();
    }

    [Fact]
    public async Task Mail_reaches_the_networks_people_only_never_an_address_written_into_the_input_or_the_definition()
    {
        var stranger = await RunAsync(new { to = new[] { "coordinator", "members" }, subject = "Teema", body = "Sisu" });
        var rows = await OutboxAsync();
        rows.Select(r => r.ToAddress).Should().BeEquivalentTo(["kati@vald.example", "mari@kool.example", "john@kool.example"],
            "the input names a stranger as coordinator and member; the network's own tables are what count");
        stranger.Status.Should().Be(InstanceStatus.Finished);

        var written = () => RunAsync(new { to = new[] { "stranger@elsewhere.example" }, subject = "Teema", body = "Sisu" });
        (await written.Should().ThrowAsync<InvalidDefinitionException>()).Which.Problems.Should()
            .Contain(p => p.Path == "$.activities[0].inputs.to[0]" && p.Message.Contains("is an address"));
        var noNetwork = await RunAsync(new { to = new[] { "members" }, subject = "Teema", body = "Sisu" }, withNetwork: false);
        noNetwork.Status.Should().Be(InstanceStatus.Faulted);
        noNetwork.Fault.Should().Contain("no network");
        (await OutboxAsync()).Should().HaveCount(3, "neither queued anything");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
