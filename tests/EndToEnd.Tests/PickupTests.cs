using System.Net;
using Koostoo.Activities.Email;
using MimeKit;

namespace Koostoo.EndToEnd.Tests;

public sealed class PickupTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private KoostooApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new KoostooApp(_folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task By_default_a_started_workflow_leaves_its_mail_as_eml_files_named_by_message_id()
    {
        var client = _app.CreateClient();

        var instance = await _app.LaunchAsync(client, "sample-email", ("Mari", "mari@kool.example", "et"), ("John", "john@kool.example", "en"));

        var rows = await _app.WaitForOutboxAsync(instance, r => r.Count == 3 && r.All(m => m.Status == OutboxStatus.Sent), TimeSpan.FromSeconds(30));
        var files = Directory.GetFiles(_folder["mail"], "*.eml");
        files.Should().HaveCount(3);
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        messages.Select(m => m.MessageId).Should().BeEquivalentTo(rows.Select(r => r.MessageId));
        messages.Select(m => Path.GetFileNameWithoutExtension(files[messages.IndexOf(m)])).Should()
            .BeEquivalentTo(rows.Select(r => r.MessageId.Split('@')[0]));
        messages.Should().Contain(m => m.Subject == "Kooli võrgustik: please answer – will you take part in the network?");
    }

    [Fact]
    public async Task The_mailbox_is_for_admins_only()
    {
        (await _app.CreateAnonymousClient().GetAsync("/mailbox")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var coordinator = await _app.CoordinatorClientAsync("kati@vald.example");
        (await coordinator.GetAsync("/mailbox")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _app.CreateClient().GetAsync("/mailbox")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
