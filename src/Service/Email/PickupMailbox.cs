using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Koostoo.Service.Email;

/// <summary>Reads the pickup folder for /mailbox: the newest messages' headers, and one message whole.</summary>
public sealed partial class PickupMailbox(IOptions<MailOptions> options)
{
    public const string Extension = ".eml";
    /// <summary>The list shows this many; the folder may hold more.</summary>
    public const int ListLimit = 200;

    public sealed record Entry(string Id, string Subject, string To, DateTimeOffset Date);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex SafeId();

    public bool IsPickup => options.Value.IsPickup;
    public string Folder => Path.GetFullPath(options.Value.PickupFolder);

    /// <summary>The file name (without extension) for a Message-ID: its left part, kept to characters safe in a path.</summary>
    public static string FileIdOf(string messageId)
    {
        var left = messageId.Split('@')[0];
        var safe = Regex.Replace(left, "[^A-Za-z0-9._-]", "_").TrimStart('.');
        return safe.Length is > 0 and <= 200 ? safe : Guid.NewGuid().ToString("N");
    }

    /// <summary>Newest first by the Date header, which is when the workflow wrote the message.</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Folder)) return [];
        var files = new DirectoryInfo(Folder).EnumerateFiles("*" + Extension)
            .OrderByDescending(f => f.LastWriteTimeUtc).Take(ListLimit * 2).ToList();
        var entries = new List<Entry>();
        foreach (var file in files)
        {
            await using var stream = file.OpenRead();
            var headers = await HeaderList.LoadAsync(stream, ct);
            var date = DateUtils.TryParse(headers[HeaderId.Date], out var parsed) ? parsed : new DateTimeOffset(file.LastWriteTimeUtc);
            entries.Add(new Entry(Path.GetFileNameWithoutExtension(file.Name), Text(headers[HeaderId.Subject]), Addresses(headers[HeaderId.To]), date));
        }
        // Stable for messages of the same second: the files are already newest-written first.
        return entries.OrderByDescending(e => e.Date).Take(ListLimit).ToList();
    }

    /// <summary>The message, or null for an unknown or unsafe id.</summary>
    public async Task<MimeMessage?> OpenAsync(string id, CancellationToken ct)
    {
        if (!SafeId().IsMatch(id) || id.StartsWith('.')) return null;
        var path = Path.Combine(Folder, id + Extension);
        return File.Exists(path) ? await MimeMessage.LoadAsync(path, ct) : null;
    }

    private static string Text(string? header) =>
        string.IsNullOrEmpty(header) ? "" : Rfc2047.DecodeText(System.Text.Encoding.UTF8.GetBytes(header)).Trim();

    private static string Addresses(string? header) =>
        header is not null && InternetAddressList.TryParse(header, out var addresses)
            ? string.Join(", ", addresses.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"))
            : Text(header);
}
