namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>NetworkInfo</c>: a network a container joins.</summary>
public sealed record NetworkInfo
{
    /// <summary>Requested or assigned IP addresses.</summary>
    public IReadOnlyList<IpAddress>? IpAddresses { get; init; }

    /// <summary>The network name.</summary>
    public string? Name { get; init; }

    /// <summary>Isolation groups.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>Labels for the network plugin.</summary>
    public Labels? Labels { get; init; }

    /// <summary>Port mappings.</summary>
    public IReadOnlyList<PortMapping>? PortMappings { get; init; }
}
