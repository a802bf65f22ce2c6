using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Koostoo.Testing;

/// <summary>A test's own server program (aiosmtpd, Dovecot): started with its output drained, ready once its port answers.</summary>
public static class ServerProcess
{
    /// <summary>Starts the program; its output is read and dropped, or a full pipe would block a server that logs much.</summary>
    public static Process Start(string file, IEnumerable<string> arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the port on 127.0.0.1 takes a connection; false when the process died or the time ran out first.</summary>
    public static async Task<bool> WaitUntilListeningAsync(Process process, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
