using Koostoo.EndToEnd.Tests.Requests;

namespace Koostoo.EndToEnd.Tests.Security;

/// <summary>The database, its journal and the mail the service writes are its own user's alone.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests
{
    [Fact]
    public async Task The_database_and_the_mail_are_readable_by_the_service_user_only()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        await using var app = new KoostooApp(folder);
        var scenario = new AskScenario(app);
        await scenario.PublishAsync(AskScenario.Definition());
        await scenario.LaunchAsync(2);
        await app.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));

        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode directory = file | UnixFileMode.UserExecute;
        File.GetUnixFileMode(folder["koostoo.db"]).Should().Be(file);
        File.GetUnixFileMode(folder["koostoo.db-wal"]).Should().Be(file);
        File.GetUnixFileMode(folder["mail"]).Should().Be(directory);
        var mails = Directory.GetFiles(folder["mail"], "*.eml");
        mails.Should().NotBeEmpty();
        mails.Should().OnlyContain(m => File.GetUnixFileMode(m) == file);
    }

    [Fact]
    public async Task Files_an_earlier_version_left_readable_are_tightened_at_start()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        await using (var earlier = new KoostooApp(folder))
            (await earlier.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(folder["mail"]);
        File.WriteAllText(folder["mail/old.eml"], "Subject: old\r\n\r\nold\r\n");
        const UnixFileMode open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(folder["mail/old.eml"], open);
        File.SetUnixFileMode(folder["koostoo.db"], open);
        File.SetUnixFileMode(folder["mail"], open | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        await using var app = new KoostooApp(folder);
        (await app.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();

        File.GetUnixFileMode(folder["koostoo.db"]).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(folder["mail/old.eml"]).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(folder["mail"]).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
