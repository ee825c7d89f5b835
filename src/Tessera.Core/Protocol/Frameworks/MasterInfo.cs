namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>MasterInfo</c>.</summary>
public sealed record MasterInfo
{
    /// <summary>The master's ID.</summary>
    public required string Id { get; init; }

    /// <summary>The IPv4 address packed in network byte order as Mesos does.</summary>
    public required uint Ip { get; init; }

    /// <summary>The port (5050).</summary>
    public required uint Port { get; init; }

    /// <summary>The libprocess PID (<c>master@host:port</c>).</summary>
    public string? Pid { get; init; }

    /// <summary>The hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }

    /// <summary>The address.</summary>
    public Address? Address { get; init; }

    /// <summary>The fault domain.</summary>
    public DomainInfo? Domain { get; init; }

    /// <summary>Capabilities.</summary>
    public IReadOnlyList<MasterCapability>? Capabilities { get; init; }
}
