namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>HealthCheck.TCPCheckInfo</c> and <c>CheckInfo.Tcp</c>.</summary>
public sealed record TcpCheckInfo
{
    /// <summary>IPv4 (default) or IPv6.</summary>
    public NetworkProtocol? Protocol { get; init; }

    /// <summary>The port.</summary>
    public required uint Port { get; init; }
}
