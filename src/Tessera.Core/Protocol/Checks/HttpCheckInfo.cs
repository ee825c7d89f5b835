namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>HealthCheck.HTTPCheckInfo</c>.</summary>
public sealed record HttpCheckInfo
{
    /// <summary>IPv4 (default) or IPv6.</summary>
    public NetworkProtocol? Protocol { get; init; }

    /// <summary><c>http</c> (default) or <c>https</c>.</summary>
    public string? Scheme { get; init; }

    /// <summary>The port.</summary>
    public required uint Port { get; init; }

    /// <summary>The path, such as <c>/health</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Status codes that count as healthy (default 200–399).</summary>
    public IReadOnlyList<uint>? Statuses { get; init; }
}
