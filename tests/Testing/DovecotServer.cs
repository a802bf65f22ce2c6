using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Koostoo.Testing;

/// <summary>
/// A throwaway IMAP server for the reply tests: Debian's Dovecot (<c>dovecot-imapd</c>) with a configuration, a
/// passwd-file and a Maildir in a temporary folder, listening on a free 127.0.0.1 port without TLS (loopback only,
/// one test run long). Under root the mail is owned by nobody, since Dovecot refuses to keep mail as root.
/// Tests put mail into the inbox as a delivery would (<see cref="DeliverAsync"/>).
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string User = "vastus@vald.example";
    public const string Password = "test-only-password";
    private const string Binary = "/usr/sbin/dovecot";
    private readonly TempFolder _folder = new();
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    /// <summary>The settings that point the host's reply inbox at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Koostoo:Replies:Address"] = User,
        ["Koostoo:Replies:Imap:Host"] = "127.0.0.1",
        ["Koostoo:Replies:Imap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Koostoo:Replies:Imap:Security"] = "None",
        ["Koostoo:Replies:Imap:User"] = User,
        ["Koostoo:Replies:Imap:Password"] = Password,
    };

    public static async Task<DovecotServer> StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: install Debian's dovecot-imapd (./test.sh does).");
        var server = new DovecotServer();
        await server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        var root = Environment.UserName == "root";
        var (uid, internalUser) = root ? ("65534", "dovecot") : (Run("id", "-u"), Environment.UserName);
        var mail = Directory.CreateDirectory(_folder["mail"]).FullName;
        Directory.CreateDirectory(_folder["run"]);
        Directory.CreateDirectory(_folder["state"]);
        if (root)
        {
            // Dovecot's own processes (auth as the dovecot user, mail as nobody) must reach into the private temp folder, and
            // into its run and state folders, which a host in this process (umask 077) would otherwise leave the owner's alone.
            Run("chmod", "0711", _folder.Path);
            Run("chmod", "0755", _folder["run"], _folder["state"]);
            Run("chown", "65534:65534", mail);
        }
        File.WriteAllText(_folder["passwd"], $"{User}:{{PLAIN}}{Password}\n");
        if (root) Run("chown", "dovecot", _folder["passwd"]);
        File.WriteAllText(_folder["dovecot.conf"], $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_folder["run"]}}
            state_dir = {{_folder["state"]}}
            log_path = {{_folder["dovecot.log"]}}
            default_internal_user = {{internalUser}}
            default_login_user = {{(root ? "dovenull" : internalUser)}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_folder["passwd"]}}
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{uid}} home={{mail}}/%u
            }
            mail_location = maildir:{{mail}}/%u/Maildir
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        _process = ServerProcess.Start(Binary, ["-F", "-c", _folder["dovecot.conf"]]);
        if (!await ServerProcess.WaitUntilListeningAsync(_process, Port, TimeSpan.FromSeconds(20)))
        {
            var log = File.Exists(_folder["dovecot.log"]) ? File.ReadAllText(_folder["dovecot.log"]) : "";
            throw new InvalidOperationException($"Dovecot did not start on port {Port}: {log}");
        }
    }

    /// <summary>Puts a message into the inbox, as the mail server's delivery would; returns its UID.</summary>
    public async Task<uint> DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        var uid = await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
        return uid?.Id ?? 0;
    }

    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    private static string Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _folder.Dispose();
    }
}
