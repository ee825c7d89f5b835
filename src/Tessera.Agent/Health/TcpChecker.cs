using System.Net;
using System.Net.Sockets;

namespace Tessera.Agent.Health;

/// <summary>A TCP connect to <c>127.0.0.1:port</c> (<c>::1</c> for IPv6): healthy when it succeeds.</summary>
internal sealed class TcpChecker(bool ipv6, uint port) : IHealthChecker
{
    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        var address = ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        var endpoint = new IPEndPoint(address, (int)port);
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, ct);
            return HealthResult.Pass($"connected to {endpoint}");
        }
        catch (SocketException e)
        {
            return HealthResult.Fail($"connecting to {endpoint} failed: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return HealthResult.Fail($"connecting to {endpoint} did not complete in time");
        }
    }
}
