using System.Text.Json;
using System.Text.Json.Nodes;
using Koostoo.Activities.Control;
using Koostoo.Activities.Email;
using Koostoo.Activities.Networks;
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

    private async Task<WorkflowInstance> RunAsync(object sendInputs)
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
        var input = JsonNode.Parse("""
            {
              "networkName": "Kooli võrgustik",
              "coordinator": { "name": "Kati", "email": "kati@vald.example", "language": "et" },
              "members": [
                { "id": "mari", "name": "Mari", "email": "mari@kool.example", "language": "et" },
                { "id": "john", "name": "John", "email": "john@kool.example", "language": "en" }
              ]
            }
            """)!.AsObject();
        return await _services.GetRequiredService<WorkflowRuntime>().StartAsync("mail", input);
    }

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

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
