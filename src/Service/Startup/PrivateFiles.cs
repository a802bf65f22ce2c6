using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Koostoo.Service.Startup;

/// <summary>
/// The files the service keeps hold members' names, addresses, answers and the mail with their links: on Unix they are
/// the service user's alone (files 0600, folders 0700), whatever the umask the service was started with
/// (docs/security.md). New files get it from the process's umask; what an earlier version left is tightened at start.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Every file and folder this process creates from now on: no access for group or others (umask 077).</summary>
    public static void ForThisProcess()
    {
        if (!OperatingSystem.IsWindows()) _ = SetUmask(0b000_111_111);
    }

    /// <summary>Tightens what already exists: the SQLite database with its journal files, and the service's own mail folders.</summary>
    public static void Tighten(string? sqliteConnectionString, params string?[] folders)
    {
        if (OperatingSystem.IsWindows()) return;
        if (sqliteConnectionString is not null && new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource is { Length: > 0 } database
            && database != ":memory:")
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                if (System.IO.File.Exists(file)) System.IO.File.SetUnixFileMode(file, File);
        foreach (var folder in folders)
        {
            if (folder is null || !Directory.Exists(folder)) continue;
            // A folder only its owner may enter keeps its files from everyone else, whatever their own modes, so a
            // folder already tightened is not walked again: over a pickup folder of 110,000 mails a start took 5.9 s
            // with the walk and 3.4 s without (docs/scale.md, "Start to ready").
            if ((System.IO.File.GetUnixFileMode(folder) & ~Folder) == 0) continue;
            System.IO.File.SetUnixFileMode(folder, Folder);
            foreach (var file in Directory.EnumerateFiles(folder)) System.IO.File.SetUnixFileMode(file, File);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the whole project for one call with a uint in and out.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);
#pragma warning restore SYSLIB1054
}
