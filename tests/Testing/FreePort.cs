using System.Net;
using System.Net.Sockets;

namespace Koostoo.Testing;

/// <summary>A port on 127.0.0.1 nobody listens on now, for a server a test starts itself.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
